package de.gremium.query.meeting;

import de.gremium.events.meeting.AgendaTopicKind;
import de.gremium.events.meeting.CalendarOverride;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingStatus;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One meeting of the work plan, everything the events tell about it. {@code agenda} is in order
 * (position 0 first). {@code icalSequence} is the iCalendar SEQUENCE: 0 at the first scheduling,
 * raised by each reschedule and by a cancellation after scheduling. {@code version} is the sequence
 * number of the last event applied.
 */
@Document("work_plan_meetings")
@CompoundIndex(name = "plan", def = "{'year': 1, 'quarter': 1}")
public record MeetingView(
        @Id String id,
        int year,
        int quarter,
        MeetingKind kind,
        String title,
        int durationMinutes,
        MeetingStatus status,
        String plannedBy,
        Instant plannedAt,
        Instant start,
        Instant end,
        String location,
        String scheduledBy,
        Instant firstScheduledAt,
        List<Reschedule> reschedules,
        List<AgendaItem> agenda,
        List<Guest> guests,
        Attendance attendance,
        String minutes,
        Cancellation cancellation,
        int icalSequence,
        Instant lastChangedAt,
        long version,
        CalendarOverride calendarOverride) {

    public record AgendaItem(String agendaItemId, AgendaTopicKind kind, String referenceId, String title, String addedBy,
            Instant addedAt) {
    }

    /** The meeting moved: where and when it was before, and where and when it is now. */
    public record Reschedule(Instant previousStart, Instant previousEnd, String previousLocation, Instant start,
            Instant end, String location, String reason, String rescheduledBy, Instant rescheduledAt,
            CalendarOverride calendarOverride) {
    }

    /** An external expert invited to this meeting. */
    public record Guest(String guestId, String name, String organisation, String invitedBy, Instant invitedAt) {
    }

    /** Who was there (member ids, guest ids), as recorded when the meeting was held. */
    public record Attendance(List<String> members, List<String> guests, String recordedBy, Instant recordedAt) {
    }

    public record Cancellation(String reason, String cancelledBy, Instant cancelledAt) {
    }
}
