package de.gremium.events.problem;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The coordinator closes a report with an outcome and a resolution. */
public record CloseProblemReport(
        @TargetAggregateIdentifier ProblemReportId reportId,
        ResolutionOutcome outcome,
        String resolution,
        String closedBy,
        Instant closedAt,
        @TargetAggregateVersion Long expectedVersion) {
}
