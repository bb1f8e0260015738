package de.gremium.events.meeting;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The meeting was called off. */
@Revision("1")
public record MeetingCancelled(MeetingId meetingId, String reason, @PersonalData String cancelledBy, Instant cancelledAt) implements MeetingEvent {

    @Override
    public String actor() {
        return cancelledBy;
    }

    @Override
    public Instant occurredAt() {
        return cancelledAt;
    }
}
