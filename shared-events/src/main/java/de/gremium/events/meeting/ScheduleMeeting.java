package de.gremium.events.meeting;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a planned meeting its date and place; {@code calendarOverride} when the date clashes with the blocked calendar. */
public record ScheduleMeeting(@TargetAggregateIdentifier MeetingId meetingId, Instant start, String location, String scheduledBy,
        Instant scheduledAt, CalendarOverride calendarOverride) {

    public ScheduleMeeting(MeetingId meetingId, Instant start, String location, String scheduledBy, Instant scheduledAt) {
        this(meetingId, start, location, scheduledBy, scheduledAt, null);
    }
}
