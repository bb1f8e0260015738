package de.gremium.query.recommendation;

import de.gremium.events.recommendation.RecommendationId;

/** One recommendation as it stands now, without its trace. Kept on the query side (see {@link FetchRecommendations}). */
public record FetchRecommendation(RecommendationId recommendationId) {
}
