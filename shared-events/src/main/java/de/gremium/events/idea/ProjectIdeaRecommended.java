package de.gremium.events.idea;

import de.gremium.events.links.LinksToRecommendation;
import de.gremium.events.privacy.PersonalData;
import de.gremium.events.recommendation.RecommendationId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A recommendation to the Lord Mayor answers this idea. */
@Revision("2")
public record ProjectIdeaRecommended(ProjectIdeaId ideaId, RecommendationId recommendationId, @PersonalData String recordedBy, Instant recommendedAt) implements ProjectIdeaEvent, LinksToRecommendation {

    @Override
    public String actor() {
        return recordedBy;
    }

    @Override
    public Instant occurredAt() {
        return recommendedAt;
    }
}
