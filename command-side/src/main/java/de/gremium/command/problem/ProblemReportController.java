package de.gremium.command.problem;

import de.gremium.command.idempotency.RequestIds;
import de.gremium.command.messaging.CommandDispatcher;
import de.gremium.command.messaging.IfMatch;
import de.gremium.events.problem.AcknowledgeProblemReport;
import de.gremium.events.problem.CloseProblemReport;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.SolutionProposalId;
import de.gremium.platform.security.CurrentUser;
import de.gremium.platform.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/problem-reports")
@Tag(name = "Problem reports", description = "Members report experiences and problems in implementing the framework concept")
class ProblemReportController {

    private static final String IF_MATCH_DOC = "Optional: the version last read (ETag of the query side); "
            + "the command is refused with 409 if the report changed since.";

    private final CommandDispatcher commands;
    private final ProblemReports reports;
    private final RequestIds ids;
    private final Clock clock;
    private final String querySideUrl;

    ProblemReportController(CommandDispatcher commands, ProblemReports reports, RequestIds ids, Clock clock,
            @Value("${gremium.query-side.base-url}") String querySideUrl) {
        this.commands = commands;
        this.reports = reports;
        this.ids = ids;
        this.clock = clock;
        this.querySideUrl = querySideUrl;
    }

    @PostMapping
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Submit a problem report", description = "201 with the new id; the report appears on the "
            + "query side's problem board within a second. Send an Idempotency-Key to retry safely.")
    ResponseEntity<ProblemReportRequests.Created> submit(@Valid @RequestBody ProblemReportRequests.Submit request) {
        ProblemReportId id = ProblemReportId.of(ids.newId("problem-report"));
        try {
            reports.submit(id, request.title(), request.description(), request.unit(), request.policyFields(), CurrentUser.id(),
                    CurrentUser.hasRole(Roles.COORDINATOR));
        } catch (ConcurrencyException | AggregateStreamCreationException alreadyStored) {
            if (!ids.isKeyed()) {
                throw alreadyStored;
            }
            // a retry of a keyed request whose first attempt stored the report: same answer as then
        }
        return ResponseEntity.created(URI.create(querySideUrl + "/api/problem-reports/" + id.value()))
                .body(new ProblemReportRequests.Created(id.value()));
    }

    @PostMapping("/{reportId}/details")
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Add details to your own report")
    ResponseEntity<Void> addDetails(@PathVariable String reportId, @Valid @RequestBody ProblemReportRequests.AddDetails request,
            @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long expectedVersion = IfMatch.version(ifMatch);
        reports.addDetails(new ProblemReportId(reportId), request.details(), CurrentUser.id(),
                CurrentUser.hasRole(Roles.COORDINATOR), expectedVersion);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{reportId}/acknowledgement")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Acknowledge a report (coordinator)")
    ResponseEntity<Void> acknowledge(@PathVariable String reportId,
            @Valid @RequestBody(required = false) ProblemReportRequests.Acknowledge request,
            @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        String note = request == null ? null : request.note();
        commands.send(new AcknowledgeProblemReport(new ProblemReportId(reportId), note, CurrentUser.id(), clock.instant(),
                IfMatch.version(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{reportId}/solution-proposals")
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Propose a solution to an open report (any member)")
    ResponseEntity<ProblemReportRequests.ProposalCreated> propose(@PathVariable String reportId,
            @Valid @RequestBody ProblemReportRequests.Propose request,
            @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long expectedVersion = IfMatch.version(ifMatch);
        UUID proposalId = ids.newId("solution-proposal");
        reports.propose(new ProblemReportId(reportId), new SolutionProposalId(proposalId.toString()), request.proposal(),
                CurrentUser.id(), CurrentUser.hasRole(Roles.COORDINATOR), expectedVersion);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(querySideUrl + "/api/problem-reports/" + reportId))
                .body(new ProblemReportRequests.ProposalCreated(reportId, proposalId.toString()));
    }

    @PostMapping("/{reportId}/closure")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Close a report with an outcome and a resolution (coordinator)")
    ResponseEntity<Void> close(@PathVariable String reportId, @Valid @RequestBody ProblemReportRequests.Close request,
            @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        commands.send(new CloseProblemReport(new ProblemReportId(reportId), request.outcome(), request.resolution(),
                CurrentUser.id(), clock.instant(), IfMatch.version(ifMatch)));
        return ResponseEntity.noContent().build();
    }
}
