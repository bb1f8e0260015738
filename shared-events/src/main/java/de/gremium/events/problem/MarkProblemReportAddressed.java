package de.gremium.events.problem;

import de.gremium.events.recommendation.RecommendationId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the consensus policy. */
public record MarkProblemReportAddressed(@TargetAggregateIdentifier ProblemReportId reportId, RecommendationId recommendationId, String recordedBy, Instant addressedAt) {
}
