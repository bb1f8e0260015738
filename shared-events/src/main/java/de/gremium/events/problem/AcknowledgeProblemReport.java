package de.gremium.events.problem;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The coordinator acknowledges a submitted report. */
public record AcknowledgeProblemReport(
        @TargetAggregateIdentifier ProblemReportId reportId,
        String note,
        String acknowledgedBy,
        Instant acknowledgedAt,
        @TargetAggregateVersion Long expectedVersion) {
}
