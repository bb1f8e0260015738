package de.gremium.events.problem;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Any member proposes a solution to an open report. */
public record ProposeSolution(
        @TargetAggregateIdentifier ProblemReportId reportId,
        SolutionProposalId proposalId,
        String proposal,
        String proposedBy,
        Instant proposedAt,
        @TargetAggregateVersion Long expectedVersion) {
}
