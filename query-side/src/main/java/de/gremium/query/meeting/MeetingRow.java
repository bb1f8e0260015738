package de.gremium.query.meeting;

import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingStatus;
import java.time.Instant;

/**
 * A meeting in the list: simple values only. {@code start} and {@code end} are absent while it is not dated;
 * {@code agendaTopics} counts the agenda's items; {@code minutesPresent} tells whether minutes with text were
 * recorded when it was held.
 */
public record MeetingRow(String id, int year, int quarter, MeetingKind kind, String title, MeetingStatus status,
        Instant start, Instant end, String location, int agendaTopics, boolean minutesPresent, Instant lastChangedAt,
        long version) {

    static MeetingRow of(MeetingView m) {
        return new MeetingRow(m.id(), m.year(), m.quarter(), m.kind(), m.title(), m.status(), m.start(), m.end(),
                m.location(), m.agenda() == null ? 0 : m.agenda().size(), m.minutes() != null && !m.minutes().isBlank(),
                m.lastChangedAt(), m.version());
    }
}
