package de.gremium.events.recommendation;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The mayor's office recorded the Lord Mayor's decision, with reasons and an optional review date. */
@Revision("1")
public record MayorsDecisionRecorded(RecommendationId recommendationId, MayorsDecision decision, String reasons, LocalDate reviewDate, @PersonalData String recordedBy, Instant recordedAt) implements RecommendationEvent {

    @Override
    public String actor() {
        return recordedBy;
    }

    @Override
    public Instant occurredAt() {
        return recordedAt;
    }
}
