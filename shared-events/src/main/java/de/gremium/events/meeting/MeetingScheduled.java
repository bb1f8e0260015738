package de.gremium.events.meeting;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The meeting got its date and place. {@code calendarOverride} (revision 2, null before and whenever the date
 * clashes with nothing) says why it was dated into the blocked calendar and what it clashes with.
 */
@Revision("2")
public record MeetingScheduled(MeetingId meetingId, Instant start, Instant end, String location, @PersonalData String scheduledBy,
        Instant scheduledAt, CalendarOverride calendarOverride) implements MeetingEvent {

    /** A date that clashes with nothing in the blocked calendar. */
    public MeetingScheduled(MeetingId meetingId, Instant start, Instant end, String location, String scheduledBy,
            Instant scheduledAt) {
        this(meetingId, start, end, location, scheduledBy, scheduledAt, null);
    }

    @Override
    public String actor() {
        return scheduledBy;
    }

    @Override
    public Instant occurredAt() {
        return scheduledAt;
    }
}
