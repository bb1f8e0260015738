package de.gremium.query.problem;

import de.gremium.events.PolicyField;
import de.gremium.events.problem.FetchProblemBoard;
import de.gremium.events.problem.FetchProblemReport;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportStatus;
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
@RequestMapping("/api/problem-reports")
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Problem board", description = "The members' problem reports, as the event store tells them")
class ProblemBoardController {

    /** One row per report; details and solution proposals as their texts, joined by "; ". */
    static final CsvColumns<ProblemReportView> COLUMNS = CsvColumns.of(ProblemReportView.class, "details",
                    "solutionProposals")
            .and("details", r -> r.details() == null ? null : r.details().stream().map(ProblemReportView.Detail::details).toList())
            .and("solutionProposals", r -> r.solutionProposals() == null ? null
                    : r.solutionProposals().stream().map(ProblemReportView.Proposal::proposal).toList());
    private static final String CSV = """

            CSV (?format=csv or csv-semicolon, or Accept: text/csv): one row per report, the fields of the JSON \
            with nested ones as acknowledgement.note, closure.outcome …; details and solutionProposals as their \
            texts joined by "; ".""";

    private final QueryGateway queries;

    ProblemBoardController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "The problem board, newest first", description = "Paged like OParl lists (data, pagination, "
            + "links); pages count from 1. Filters combine; submittedBy gives one person's reports." + CSV
            + " A CSV holds the page's rows; X-Total-Count and Link (first, prev, next, last) place it in the list.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PageView.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> board(
            @RequestParam(required = false) ProblemReportStatus status,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) PolicyField policyField,
            @Parameter(description = "the user id of whoever submitted the reports, exactly (e.g. anna.amt50); "
                    + "GET /api/me tells the caller's own") @RequestParam(required = false) String submittedBy,
            @Parameter(description = PageView.PAGE) @RequestParam(defaultValue = "1") @Min(1) @Max(PageView.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (submittedBy != null && submittedBy.isBlank()) {
            throw Refusal.invalid("submittedBy", "must not be blank; leave it out for everyone's reports");
        }
        Export export = Export.of(format, accept);
        FetchProblemBoard query = new FetchProblemBoard(status, unit, policyField, submittedBy, page - 1, size);
        ProblemBoardQueries.ProblemBoardPage result = queries.query(query,
                ResponseTypes.instanceOf(ProblemBoardQueries.ProblemBoardPage.class)).join();
        return export.page(PageView.of(result.reports(), result.total(), page, size,
                ServletUriComponentsBuilder.fromCurrentRequest()), COLUMNS, "problem-reports");
    }

    @GetMapping("/{reportId}")
    @Operation(summary = "One problem report", description = "The ETag is the report's version; send it as If-Match "
            + "with a command to refuse it if the report changed since (JSON only)." + CSV + " One row, as on the board.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ProblemReportView.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> report(@PathVariable String reportId,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        ProblemReportView view = queries.query(new FetchProblemReport(new ProblemReportId(reportId)),
                        ResponseTypes.optionalInstanceOf(ProblemReportView.class)).join()
                .orElseThrow(() -> Refusal.notFound("Problem report " + reportId));
        return export.eTag(view.version()).view(view, List::of, COLUMNS, "problem-report-" + reportId);
    }
}
