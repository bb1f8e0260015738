package de.gremium.events.recommendation;

import de.gremium.events.links.LinksToRecommendation;
import java.time.Instant;

/** Everything that happens to a recommendation. */
public sealed interface RecommendationEvent extends LinksToRecommendation permits RecommendationFormulated, RecommendationSubmitted, MayorsDecisionRecorded {

    /** The aggregate the event happened to. */
    @Override
    RecommendationId recommendationId();

    /** User id of the person who caused the event. */
    String actor();

    Instant occurredAt();
}
