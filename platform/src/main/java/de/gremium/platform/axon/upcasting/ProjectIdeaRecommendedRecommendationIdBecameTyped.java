package de.gremium.platform.axon.upcasting;

import de.gremium.events.idea.ProjectIdeaRecommended;
import org.springframework.core.annotation.Order;

/** Revision 1 held the recommendation's id as a string; revision 2 as a {@code RecommendationId}. */
@Order(105)
public class ProjectIdeaRecommendedRecommendationIdBecameTyped extends StringIdsBecameTyped {

    public ProjectIdeaRecommendedRecommendationIdBecameTyped() {
        super(ProjectIdeaRecommended.class, "1", "2", "recommendationId");
    }
}
