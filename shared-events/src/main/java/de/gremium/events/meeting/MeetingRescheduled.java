package de.gremium.events.meeting;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The meeting moved to another date or place. {@code calendarOverride} (revision 2, null before and whenever the
 * new date clashes with nothing) says why it was moved into the blocked calendar and what it clashes with.
 */
@Revision("2")
public record MeetingRescheduled(MeetingId meetingId, Instant start, Instant end, String location, String reason,
        @PersonalData String rescheduledBy, Instant rescheduledAt, CalendarOverride calendarOverride) implements MeetingEvent {

    /** A move to a date that clashes with nothing in the blocked calendar. */
    public MeetingRescheduled(MeetingId meetingId, Instant start, Instant end, String location, String reason,
            String rescheduledBy, Instant rescheduledAt) {
        this(meetingId, start, end, location, reason, rescheduledBy, rescheduledAt, null);
    }

    @Override
    public String actor() {
        return rescheduledBy;
    }

    @Override
    public Instant occurredAt() {
        return rescheduledAt;
    }
}
