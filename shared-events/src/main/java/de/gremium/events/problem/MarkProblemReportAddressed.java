package de.gremium.events.problem;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the consensus policy. */
public record MarkProblemReportAddressed(@TargetAggregateIdentifier ProblemReportId reportId, String recommendationId, String recordedBy, Instant addressedAt) {
}
