package de.gremium.query.idea;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingStatus;
import java.time.Instant;
import java.util.List;

/**
 * One idea as its detail page shows it: the view, plus one entry per agenda placement with what the
 * work plan knows about that meeting now (title, kind, status, date; absent if not projected yet) and
 * whether the idea was discussed there.
 */
public record ProjectIdeaDetail(@JsonUnwrapped ProjectIdeaView idea, List<MeetingOfIdea> meetings) {

    public record MeetingOfIdea(String meetingId, String agendaItemId, Instant placedAt, String title, MeetingKind kind,
            MeetingStatus status, Instant start, Instant end, boolean discussed) {
    }
}
