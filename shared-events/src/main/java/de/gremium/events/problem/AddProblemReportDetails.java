package de.gremium.events.problem;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Add details to a report. {@code expectedVersion} is optional (null: last writer wins). */
public record AddProblemReportDetails(
        @TargetAggregateIdentifier ProblemReportId reportId,
        String details,
        String addedBy,
        Instant addedAt,
        @TargetAggregateVersion Long expectedVersion) {
}
