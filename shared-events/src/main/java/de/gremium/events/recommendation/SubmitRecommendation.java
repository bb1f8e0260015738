package de.gremium.events.recommendation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Submit to the Lord Mayor. */
public record SubmitRecommendation(@TargetAggregateIdentifier RecommendationId recommendationId, String note, String submittedBy, Instant submittedAt) {
}
