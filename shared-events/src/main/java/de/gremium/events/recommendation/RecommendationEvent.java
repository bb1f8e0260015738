package de.gremium.events.recommendation;

import java.time.Instant;

/** Everything that happens to a recommendation. */
public sealed interface RecommendationEvent permits RecommendationFormulated, RecommendationSubmitted, MayorsDecisionRecorded {

    RecommendationId recommendationId();

    /** User id of the person who caused the event. */
    String actor();

    Instant occurredAt();
}
