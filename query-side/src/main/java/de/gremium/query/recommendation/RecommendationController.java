package de.gremium.query.recommendation;

import de.gremium.events.PolicyField;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.events.recommendation.RecommendationStatus;
import de.gremium.platform.refusal.Refusal;
import de.gremium.query.api.PageView;
import de.gremium.query.export.CsvColumns;
import de.gremium.query.export.Export;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/recommendations")
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Recommendations", description = "The group's recommendations to the Lord Mayor and his decisions")
class RecommendationController {

    static final CsvColumns<RecommendationRow> RECOMMENDATION_ROW = CsvColumns.of(RecommendationRow.class);

    static final CsvColumns<RecommendationView> RECOMMENDATION = CsvColumns.of(RecommendationView.class);

    private final QueryGateway queries;

    RecommendationController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Recommendations to the Lord Mayor, newest first", description = """
            One row per recommendation, newest consensus first: status (FORMULATED, SUBMITTED, DECIDED, DEFERRED), \
            the text, policy fields, the year of the consensus (Europe/Berlin), the meeting, what it answers \
            (project ideas, problem reports; ids joined by ", "), when it was submitted, and the Lord Mayor's \
            latest decision with its review date. Paged like OParl lists (data, pagination, links); pages count \
            from 1. Filters combine; dueForReviewBy keeps the recommendations whose review date lies on or before \
            that day. The whole causal chain of one recommendation: /api/recommendations/{id}/trace.

            CSV (?format=csv or csv-semicolon, or Accept: text/csv): one row per row of the page, the same \
            fields as columns; X-Total-Count and Link place the page in the list (docs/exports.md).""")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PageView.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> recommendations(
            @RequestParam(required = false) RecommendationStatus status,
            @RequestParam(required = false) PolicyField policyField,
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
            @Parameter(description = "ISO-8601 date, e.g. 2027-03-31; years 1900 to 2200")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueForReviewBy,
            @Parameter(description = PageView.PAGE) @RequestParam(defaultValue = "1") @Min(1) @Max(PageView.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        RecommendationQueries.RecommendationPage result = queries.query(
                new FetchRecommendations(status, policyField, year, dueForReviewBy, page - 1, size),
                ResponseTypes.instanceOf(RecommendationQueries.RecommendationPage.class)).join();
        return export.page(PageView.of(result.rows(), result.total(), page, size,
                ServletUriComponentsBuilder.fromCurrentRequest()),
                RECOMMENDATION_ROW, "recommendations");
    }

    @GetMapping("/{recommendationId}")
    @Operation(summary = "One recommendation", description = "As it stands now: text, policy fields, what it answers, "
            + "the submission and the Lord Mayor's latest decision; not its causal chain (/trace). The ETag is the "
            + "recommendation's version (JSON only).\n\nCSV (?format=csv or csv-semicolon, or Accept: text/csv): one row, "
            + "its fields as columns (submission.*, decision.*; lists joined by \"; \").")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RecommendationView.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> recommendation(@PathVariable String recommendationId,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        RecommendationView view = queries.query(new FetchRecommendation(new RecommendationId(recommendationId)),
                        ResponseTypes.optionalInstanceOf(RecommendationView.class)).join()
                .orElseThrow(() -> Refusal.notFound("Recommendation " + recommendationId));
        return export.eTag(view.version()).view(view, List::of, RECOMMENDATION, "recommendation-" + recommendationId);
    }
}
