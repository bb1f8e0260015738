package de.gremium.command.problem;

import static de.gremium.command.problem.ProblemReportRules.acknowledgedOnlyOnce;
import static de.gremium.command.problem.ProblemReportRules.mustBeOpen;
import static de.gremium.command.problem.ProblemReportRules.onlyTheAuthorChangesContent;
import static de.gremium.platform.refusal.Refusal.conflict;
import static de.gremium.platform.refusal.Refusal.invalid;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.gremium.command.values.TextKind;
import de.gremium.events.problem.AcknowledgeProblemReport;
import de.gremium.events.problem.AddProblemReportDetails;
import de.gremium.events.problem.CloseProblemReport;
import de.gremium.events.problem.MarkProblemReportAddressed;
import de.gremium.events.problem.ProblemReportAddressed;
import de.gremium.events.problem.ProblemReportAcknowledged;
import de.gremium.events.problem.ProblemReportClosed;
import de.gremium.events.problem.ProblemReportDetailsAdded;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportStatus;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.events.problem.ProposeSolution;
import de.gremium.events.problem.SolutionProposalId;
import de.gremium.events.problem.SolutionProposed;
import de.gremium.events.problem.SubmitProblemReport;
import de.gremium.events.recommendation.RecommendationId;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A member's report of an experience or problem in implementing the framework concept. */
@Aggregate(cache = "aggregateCache")
public class ProblemReport {

    @AggregateIdentifier
    private ProblemReportId reportId;
    private String author;
    private ProblemReportStatus status;
    private final Set<SolutionProposalId> proposals = new HashSet<>();
    private final Set<RecommendationId> addressedBy = new HashSet<>();

    protected ProblemReport() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public ProblemReport(SubmitProblemReport command) {
        TextKind.TITLE.require("title", command.title());
        TextKind.TEXT.require("description", command.description());
        TextKind.TITLE.require("unit", command.unit());
        if (command.policyFields().isEmpty()) {
            throw invalid("policyFields", "at least one policy field is required");
        }
        apply(new ProblemReportSubmitted(command.reportId(), command.title(), command.description(), command.unit(),
                command.policyFields(), command.submittedBy(), command.submittedAt()));
    }

    @CommandHandler
    void handle(AddProblemReportDetails command) {
        onlyTheAuthorChangesContent(author, command.addedBy());
        mustBeOpen(status);
        TextKind.TEXT.require("details", command.details());
        apply(new ProblemReportDetailsAdded(reportId, command.details(), command.addedBy(), command.addedAt()));
    }

    @CommandHandler
    void handle(AcknowledgeProblemReport command) {
        acknowledgedOnlyOnce(status);
        apply(new ProblemReportAcknowledged(reportId, command.note() == null ? "" : command.note(),
                command.acknowledgedBy(), command.acknowledgedAt()));
    }

    @CommandHandler
    void handle(ProposeSolution command) {
        mustBeOpen(status);
        TextKind.TEXT.require("proposal", command.proposal());
        if (proposals.contains(command.proposalId())) {
            throw conflict("proposalId", "a proposal with this id already exists");
        }
        apply(new SolutionProposed(reportId, command.proposalId(), command.proposal(), command.proposedBy(),
                command.proposedAt()));
    }

    @CommandHandler
    void handle(CloseProblemReport command) {
        mustBeOpen(status);
        TextKind.TEXT.require("resolution", command.resolution());
        if (command.outcome() == null) {
            throw invalid("outcome", "an outcome is required");
        }
        apply(new ProblemReportClosed(reportId, command.outcome(), command.resolution(), command.closedBy(),
                command.closedAt()));
    }

    @CommandHandler
    void handle(MarkProblemReportAddressed command) {
        if (addressedBy.contains(command.recommendationId())) {
            return; // a redelivered policy command: already recorded
        }
        mustBeOpen(status);
        apply(new ProblemReportAddressed(reportId, command.recommendationId(), command.recordedBy(), command.addressedAt()));
    }

    /** Whether a draft recommendation may still answer this report. */
    public boolean isOpen() {
        return status != ProblemReportStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(ProblemReportSubmitted event) {
        reportId = event.reportId();
        author = event.submittedBy();
        status = ProblemReportStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(ProblemReportAcknowledged event) {
        status = ProblemReportStatus.ACKNOWLEDGED;
    }

    @EventSourcingHandler
    void on(SolutionProposed event) {
        proposals.add(event.proposalId());
    }

    @EventSourcingHandler
    void on(ProblemReportAddressed event) {
        addressedBy.add(event.recommendationId());
        status = ProblemReportStatus.ADDRESSED;
    }

    @EventSourcingHandler
    void on(ProblemReportClosed event) {
        status = ProblemReportStatus.CLOSED;
    }
}
