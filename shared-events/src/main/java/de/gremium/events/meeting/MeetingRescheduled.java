package de.gremium.events.meeting;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The meeting moved to another date or place. */
@Revision("1")
public record MeetingRescheduled(MeetingId meetingId, Instant start, Instant end, String location, String reason, String rescheduledBy, Instant rescheduledAt) implements MeetingEvent {

    @Override
    public String actor() {
        return rescheduledBy;
    }

    @Override
    public Instant occurredAt() {
        return rescheduledAt;
    }
}
