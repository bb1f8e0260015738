package de.gremium.query.deliberation;

import de.gremium.events.PolicyField;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.platform.refusal.Refusal;
import de.gremium.query.api.PageView;
import de.gremium.query.deliberation.DeliberationView.DeliberationStatus;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/deliberations")
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Deliberations", description = "The group deliberating draft recommendations by consensus")
class DeliberationController {

    static final CsvColumns<DeliberationRow> DELIBERATION_ROW = CsvColumns.of(DeliberationRow.class);

    static final CsvColumns<DeliberationView> DELIBERATION = CsvColumns.of(DeliberationView.class, "amendments",
                    "objections", "guestComments")
            .and("amendments", d -> d.amendments() == null ? 0 : d.amendments().size())
            .and("objections", d -> d.objections() == null ? null : d.objections().stream()
                    .map(o -> o.objectionId() + ": " + o.state()).toList())
            .and("guestComments", d -> d.guestComments() == null ? 0 : d.guestComments().size());

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
            NO_CONSENSUS). Paged like OParl lists (data, pagination, links); pages count from 1. Filters combine.

            CSV (?format=csv or csv-semicolon, or Accept: text/csv): one row per row of the page, the same \
            fields as columns; X-Total-Count and Link place the page in the list (docs/exports.md).""")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PageView.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> deliberations(
            @RequestParam(required = false) DeliberationStatus status,
            @RequestParam(required = false) PolicyField policyField,
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
            @RequestParam(required = false) String meetingId,
            @Parameter(description = PageView.PAGE) @RequestParam(defaultValue = "1") @Min(1) @Max(PageView.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        DeliberationQueries.DeliberationPage result = queries.query(
                new FetchDeliberations(status, policyField, year, meetingId, page - 1, size),
                ResponseTypes.instanceOf(DeliberationQueries.DeliberationPage.class)).join();
        return export.page(PageView.of(result.rows(), result.total(), page, size,
                ServletUriComponentsBuilder.fromCurrentRequest()),
                DELIBERATION_ROW, "deliberations");
    }

    @GetMapping("/{deliberationId}")
    @Operation(summary = "One deliberation", description = """
            The draft as first put (originalDraft) and as it stands now (draft), every amendment, every objection \
            with its state (OPEN, RESOLVED_BY_AMENDMENT, WITHDRAWN; who ended it and when), the guests' comments, \
            who was present, and once closed the outcome: CONSENSUS with the recommendation's id, or NO_CONSENSUS \
            with the positions and the objections still open. The ETag is the deliberation's version (JSON only).

            CSV (?format=csv or csv-semicolon, or Accept: text/csv): one row, its fields as columns (outcome.*; \
            lists of ids joined by "; "); amendments and guestComments as counts, objections as \
            "objectionId: state" joined by "; ".""")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = DeliberationView.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> deliberation(@PathVariable String deliberationId,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        DeliberationView view = queries.query(new FetchDeliberation(new DeliberationId(deliberationId)),
                        ResponseTypes.optionalInstanceOf(DeliberationView.class)).join()
                .orElseThrow(() -> Refusal.notFound("Deliberation " + deliberationId));
        return export.eTag(view.version()).view(view, List::of, DELIBERATION, "deliberation-" + deliberationId);
    }
}
