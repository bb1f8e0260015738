package de.gremium.platform.axon.upcasting;

import de.gremium.events.recommendation.RecommendationFormulated;
import org.springframework.core.annotation.Order;

/** Revision 1 held the deliberation, the project ideas and the problem reports as strings; revision 2 as typed ids. */
@Order(106)
public class RecommendationFormulatedIdsBecameTyped extends StringIdsBecameTyped {

    public RecommendationFormulatedIdsBecameTyped() {
        super(RecommendationFormulated.class, "1", "2", "deliberationId", "projectIdeas", "problemReports");
    }
}
