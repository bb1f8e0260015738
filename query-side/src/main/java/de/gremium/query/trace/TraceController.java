package de.gremium.query.trace;

import de.gremium.events.recommendation.FetchRecommendationTrace;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.platform.refusal.Refusal;
import de.gremium.query.export.CsvColumns;
import de.gremium.query.export.Export;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/recommendations")
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Trace", description = "The causal chain of every recommendation to the Lord Mayor")
class TraceController {

    /** One row per step of the chain, in its order; the step's details as "name: value" joined by "; ". */
    static final CsvColumns<StepRow> STEPS = CsvColumns.<StepRow>column("recommendationId", StepRow::recommendationId)
            .and("step", StepRow::step, CsvColumns.of(RecommendationTrace.Step.class));

    private final QueryGateway queries;

    TraceController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{recommendationId}/trace")
    @Operation(summary = "A recommendation's causal chain", description = "From the problem reports (with the details "
            + "their authors added and the solution proposals made to them, each with who and when) and project ideas "
            + "through the agenda item, the meeting and who was present, every objection and how it ended, the consensus, "
            + "the submission and the mayor's decision; each step with its event id, who, when, correlation and causation "
            + "id. asOf (coordinator only, an audit view) gives the chain as it stood at that instant.\n\nCSV "
            + "(?format=csv or csv-semicolon, or Accept: text/csv): one row per step of chain, in its order; columns "
            + "recommendationId, step.kind, step.eventType, step.eventId, step.aggregateId, step.by, step.at, "
            + "step.correlationId, step.causationId, step.details (\"name: value\" joined by \"; \").")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RecommendationTrace.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> trace(@PathVariable String recommendationId,
            @Parameter(description = "ISO-8601 instant, e.g. 2026-10-07T12:00:00Z; years 1900 to 2200")
            @RequestParam(required = false) Instant asOf,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        // asOf is the coordinator's alone (AsOfViews)
        FetchRecommendationTrace query = new FetchRecommendationTrace(new RecommendationId(recommendationId), asOf);
        RecommendationTrace trace = queries.query(query, ResponseTypes.optionalInstanceOf(RecommendationTrace.class)).join()
                .orElseThrow(() -> Refusal.notFound(asOf == null ? "Recommendation " + recommendationId
                        : "Recommendation " + recommendationId + " as of " + asOf));
        return export.view(trace, t -> t.chain().stream().map(step -> new StepRow(t.recommendationId(), step)).toList(),
                STEPS, "trace-" + recommendationId);
    }

    /** A row of a trace's CSV: one step of the chain. */
    record StepRow(String recommendationId, RecommendationTrace.Step step) {
    }
}
