package de.gremium.query.deliberation;

import de.gremium.events.PolicyField;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.platform.refusal.Refusal;
import de.gremium.query.api.PageView;
import de.gremium.query.deliberation.DeliberationView.DeliberationStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/deliberations")
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Deliberations", description = "The group deliberating draft recommendations by consensus")
class DeliberationController {

    private final QueryGateway queries;

    DeliberationController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Deliberations, newest first", description = """
            One row per deliberation, the newest draft first: status RUNNING or CLOSED, the current draft (the \
            final text once closed), policy fields (joined by ", "), the year the draft was put (Europe/Berlin), \
            how many amendments, open objections, resolved objections (resolved by amendment or withdrawn) and \
            guest comments it has, and once closed its outcome (CONSENSUS with the recommendation, or \
            NO_CONSENSUS). Paged like OParl lists (data, pagination, links); pages count from 1. Filters combine.""")
    PageView<DeliberationRow> deliberations(
            @RequestParam(required = false) DeliberationStatus status,
            @RequestParam(required = false) PolicyField policyField,
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
            @RequestParam(required = false) String meetingId,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        DeliberationQueries.DeliberationPage result = queries.query(
                new FetchDeliberations(status, policyField, year, meetingId, page - 1, size),
                ResponseTypes.instanceOf(DeliberationQueries.DeliberationPage.class)).join();
        return PageView.of(result.rows(), result.total(), page, size, ServletUriComponentsBuilder.fromCurrentRequest());
    }

    @GetMapping("/{deliberationId}")
    @Operation(summary = "One deliberation", description = """
            The draft as first put (originalDraft) and as it stands now (draft), every amendment, every objection \
            with its state (OPEN, RESOLVED_BY_AMENDMENT, WITHDRAWN; who ended it and when), the guests' comments, \
            who was present, and once closed the outcome: CONSENSUS with the recommendation's id, or NO_CONSENSUS \
            with the positions and the objections still open. The ETag is the deliberation's version.""")
    ResponseEntity<DeliberationView> deliberation(@PathVariable String deliberationId) {
        return queries.query(new FetchDeliberation(new DeliberationId(deliberationId)),
                        ResponseTypes.optionalInstanceOf(DeliberationView.class)).join()
                .map(d -> ResponseEntity.ok().eTag(Long.toString(d.version())).body(d))
                .orElseThrow(() -> Refusal.notFound("Deliberation " + deliberationId));
    }
}
