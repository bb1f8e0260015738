package de.gremium.query.recommendation;

import de.gremium.events.PolicyField;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.events.recommendation.RecommendationStatus;
import de.gremium.platform.refusal.Refusal;
import de.gremium.query.api.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/recommendations")
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Recommendations", description = "The group's recommendations to the Lord Mayor and his decisions")
class RecommendationController {

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
            that day. The whole causal chain of one recommendation: /api/recommendations/{id}/trace.""")
    PageView<RecommendationRow> recommendations(
            @RequestParam(required = false) RecommendationStatus status,
            @RequestParam(required = false) PolicyField policyField,
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
            @Parameter(description = "ISO-8601 date, e.g. 2027-03-31; years 1900 to 2200")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueForReviewBy,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        RecommendationQueries.RecommendationPage result = queries.query(
                new FetchRecommendations(status, policyField, year, dueForReviewBy, page - 1, size),
                ResponseTypes.instanceOf(RecommendationQueries.RecommendationPage.class)).join();
        return PageView.of(result.rows(), result.total(), page, size, ServletUriComponentsBuilder.fromCurrentRequest());
    }

    @GetMapping("/{recommendationId}")
    @Operation(summary = "One recommendation", description = "As it stands now: text, policy fields, what it answers, "
            + "the submission and the Lord Mayor's latest decision; not its causal chain (/trace). The ETag is the "
            + "recommendation's version.")
    ResponseEntity<RecommendationView> recommendation(@PathVariable String recommendationId) {
        return queries.query(new FetchRecommendation(new RecommendationId(recommendationId)),
                        ResponseTypes.optionalInstanceOf(RecommendationView.class)).join()
                .map(r -> ResponseEntity.ok().eTag(Long.toString(r.version())).body(r))
                .orElseThrow(() -> Refusal.notFound("Recommendation " + recommendationId));
    }
}
