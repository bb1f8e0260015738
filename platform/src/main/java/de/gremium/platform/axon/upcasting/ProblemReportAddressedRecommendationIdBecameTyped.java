package de.gremium.platform.axon.upcasting;

import de.gremium.events.problem.ProblemReportAddressed;
import org.springframework.core.annotation.Order;

/** Revision 1 held the recommendation's id as a string; revision 2 as a {@code RecommendationId}. */
@Order(104)
public class ProblemReportAddressedRecommendationIdBecameTyped extends StringIdsBecameTyped {

    public ProblemReportAddressedRecommendationIdBecameTyped() {
        super(ProblemReportAddressed.class, "1", "2", "recommendationId");
    }
}
