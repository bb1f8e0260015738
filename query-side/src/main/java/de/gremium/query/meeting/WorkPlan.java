package de.gremium.query.meeting;

import de.gremium.events.meeting.AgendaTopicKind;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingStatus;
import java.time.Instant;
import java.util.List;

/** The work plan of a year: its four quarters with their meetings, and the open items carried over. */
public record WorkPlan(int year, List<Quarter> quarters, List<OpenItem> openItemsCarriedOver) {

    /** Meetings by date (undated last), regular before extra, then by id. */
    public record Quarter(int quarter, List<Meeting> meetings) {
    }

    public record Meeting(String meetingId, MeetingKind kind, String title, MeetingStatus status, Instant start,
            Instant end, String location, int durationMinutes, List<Topic> agenda) {
    }

    /** An agenda topic in order, 1 first. */
    public record Topic(int position, String agendaItemId, AgendaTopicKind kind, String referenceId, String title) {
    }

    /**
     * A topic that a cancelled meeting of this year did not get to. {@code agendaItemId} is the item on
     * the cancelled meeting's agenda (for an idea whose item was taken off before the cancellation,
     * the item of its placement).
     */
    public record OpenItem(AgendaTopicKind kind, String referenceId, String title, String meetingId, String agendaItemId,
            Instant cancelledAt, String cancellationReason) {
    }
}
