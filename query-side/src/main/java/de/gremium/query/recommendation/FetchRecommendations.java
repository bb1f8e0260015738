package de.gremium.query.recommendation;

import de.gremium.events.PolicyField;
import de.gremium.events.recommendation.RecommendationStatus;
import java.time.LocalDate;

/**
 * Recommendations to the Lord Mayor, newest first; each filter may be null (matches all). {@code dueForReviewBy}
 * keeps those whose review date lies on or before that day. Pages count from 0. Kept on the query side until the
 * published language has such a query (as {@code FetchNetworkProject} is).
 */
public record FetchRecommendations(RecommendationStatus status, PolicyField policyField, Integer year,
        LocalDate dueForReviewBy, int page, int size) {
}
