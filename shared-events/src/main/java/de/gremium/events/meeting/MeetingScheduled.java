package de.gremium.events.meeting;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The meeting got its date and place. */
@Revision("1")
public record MeetingScheduled(MeetingId meetingId, Instant start, Instant end, String location, String scheduledBy, Instant scheduledAt) implements MeetingEvent {

    @Override
    public String actor() {
        return scheduledBy;
    }

    @Override
    public Instant occurredAt() {
        return scheduledAt;
    }
}
