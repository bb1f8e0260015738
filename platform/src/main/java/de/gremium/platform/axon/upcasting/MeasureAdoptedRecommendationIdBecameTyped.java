package de.gremium.platform.axon.upcasting;

import de.gremium.events.monitoring.MeasureAdopted;
import org.springframework.core.annotation.Order;

/** Revision 1 held the recommendation's id as a string; revision 2 as a {@code RecommendationId}. */
@Order(103)
public class MeasureAdoptedRecommendationIdBecameTyped extends StringIdsBecameTyped {

    public MeasureAdoptedRecommendationIdBecameTyped() {
        super(MeasureAdopted.class, "1", "2", "recommendationId");
    }
}
