package de.gremium.platform.axon.upcasting;

import de.gremium.events.consensus.DraftRecommendationPut;
import org.springframework.core.annotation.Order;

/** Revision 1 held the project ideas, the problem reports and the guests present as strings; revision 2 as typed ids. */
@Order(101)
public class DraftRecommendationPutIdsBecameTyped extends StringIdsBecameTyped {

    public DraftRecommendationPutIdsBecameTyped() {
        super(DraftRecommendationPut.class, "1", "2", "projectIdeas", "problemReports", "guestsPresent");
    }
}
