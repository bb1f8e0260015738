package de.gremium.events.idea;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A recommendation to the Lord Mayor answers this idea. */
@Revision("1")
public record ProjectIdeaRecommended(ProjectIdeaId ideaId, String recommendationId, String recordedBy, Instant recommendedAt) implements ProjectIdeaEvent {

    @Override
    public String actor() {
        return recordedBy;
    }

    @Override
    public Instant occurredAt() {
        return recommendedAt;
    }
}
