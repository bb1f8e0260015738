package de.gremium.query.problem;

import de.gremium.events.PolicyField;
import de.gremium.events.problem.FetchProblemBoard;
import de.gremium.events.problem.FetchProblemReport;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportStatus;
import de.gremium.platform.refusal.Refusal;
import de.gremium.query.api.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;
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
@RequestMapping("/api/problem-reports")
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Problem board", description = "The members' problem reports, as the event store tells them")
class ProblemBoardController {

    private final QueryGateway queries;

    ProblemBoardController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "The problem board, newest first", description = "Paged like OParl lists (data, pagination, "
            + "links); pages count from 1. Filters combine.")
    PageView<ProblemReportView> board(
            @RequestParam(required = false) ProblemReportStatus status,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) PolicyField policyField,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        FetchProblemBoard query = new FetchProblemBoard(status, unit, policyField, page - 1, size);
        ProblemBoardQueries.ProblemBoardPage result = queries.query(query,
                ResponseTypes.instanceOf(ProblemBoardQueries.ProblemBoardPage.class)).join();
        return PageView.of(result.reports(), result.total(), page, size, ServletUriComponentsBuilder.fromCurrentRequest());
    }

    @GetMapping("/{reportId}")
    @Operation(summary = "One problem report", description = "The ETag is the report's version; send it as If-Match "
            + "with a command to refuse it if the report changed since.")
    ResponseEntity<ProblemReportView> report(@PathVariable String reportId) {
        Optional<ProblemReportView> view = queries.query(new FetchProblemReport(new ProblemReportId(reportId)),
                ResponseTypes.optionalInstanceOf(ProblemReportView.class)).join();
        return view.map(v -> ResponseEntity.ok().eTag(Long.toString(v.version())).body(v))
                .orElseThrow(() -> Refusal.notFound("Problem report " + reportId));
    }
}
