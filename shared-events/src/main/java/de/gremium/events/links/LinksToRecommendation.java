package de.gremium.events.links;

import de.gremium.events.recommendation.RecommendationId;

/** The event concerns one recommendation to the Lord Mayor. */
public interface LinksToRecommendation {

    RecommendationId recommendationId();
}
