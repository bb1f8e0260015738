package de.gremium.events.recommendation;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The coordinator submitted the recommendation to the Lord Mayor. */
@Revision("1")
public record RecommendationSubmitted(RecommendationId recommendationId, String note, @PersonalData String submittedBy, Instant submittedAt) implements RecommendationEvent {

    @Override
    public String actor() {
        return submittedBy;
    }

    @Override
    public Instant occurredAt() {
        return submittedAt;
    }
}
