package de.gremium.events.idea;

import de.gremium.events.recommendation.RecommendationId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the consensus policy. */
public record MarkProjectIdeaRecommended(@TargetAggregateIdentifier ProjectIdeaId ideaId, RecommendationId recommendationId, String recordedBy, Instant recommendedAt) {
}
