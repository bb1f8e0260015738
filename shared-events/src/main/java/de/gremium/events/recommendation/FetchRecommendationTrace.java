package de.gremium.events.recommendation;

import java.time.Instant;

/** The causal chain of a recommendation; asOf null means now. */
public record FetchRecommendationTrace(RecommendationId recommendationId, Instant asOf) {
}
