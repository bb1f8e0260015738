package de.gremium.events.meeting;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move a scheduled meeting; {@code calendarOverride} when the new date clashes with the blocked calendar. */
public record RescheduleMeeting(@TargetAggregateIdentifier MeetingId meetingId, Instant start, String location, String reason,
        String rescheduledBy, Instant rescheduledAt, CalendarOverride calendarOverride) {

    public RescheduleMeeting(MeetingId meetingId, Instant start, String location, String reason, String rescheduledBy,
            Instant rescheduledAt) {
        this(meetingId, start, location, reason, rescheduledBy, rescheduledAt, null);
    }
}
