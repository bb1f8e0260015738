package de.gremium.events.recommendation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The coordinator submitted the recommendation to the Lord Mayor. */
@Revision("1")
public record RecommendationSubmitted(RecommendationId recommendationId, String note, String submittedBy, Instant submittedAt) implements RecommendationEvent {

    @Override
    public String actor() {
        return submittedBy;
    }

    @Override
    public Instant occurredAt() {
        return submittedAt;
    }
}
