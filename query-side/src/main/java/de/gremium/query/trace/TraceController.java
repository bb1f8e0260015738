package de.gremium.query.trace;

import de.gremium.events.recommendation.FetchRecommendationTrace;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.platform.refusal.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/recommendations")
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Trace", description = "The causal chain of every recommendation to the Lord Mayor")
class TraceController {

    private final QueryGateway queries;

    TraceController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{recommendationId}/trace")
    @Operation(summary = "A recommendation's causal chain", description = "From the problem reports (with the details "
            + "their authors added and the solution proposals made to them, each with who and when) and project ideas "
            + "through the agenda item, the meeting and who was present, every objection and how it ended, the consensus, "
            + "the submission and the mayor's decision; each step with its event id, who, when, correlation and causation "
            + "id. asOf (coordinator only, an audit view) gives the chain as it stood at that instant.")
    RecommendationTrace trace(@PathVariable String recommendationId,
            @Parameter(description = "ISO-8601 instant, e.g. 2026-10-07T12:00:00Z; years 1900 to 2200")
            @RequestParam(required = false) Instant asOf) {
        // asOf is the coordinator's alone (AsOfViews)
        FetchRecommendationTrace query = new FetchRecommendationTrace(new RecommendationId(recommendationId), asOf);
        return queries.query(query, ResponseTypes.optionalInstanceOf(RecommendationTrace.class)).join()
                .orElseThrow(() -> Refusal.notFound(asOf == null ? "Recommendation " + recommendationId
                        : "Recommendation " + recommendationId + " as of " + asOf));
    }
}
