package de.gremium.query.meeting;

import de.gremium.events.meeting.AgendaItemAdded;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.AgendaItemRemoved;
import de.gremium.events.meeting.AgendaReordered;
import de.gremium.events.meeting.AgendaTopic;
import de.gremium.events.meeting.AgendaTopicKind;
import de.gremium.events.meeting.GuestInvited;
import de.gremium.events.meeting.MeetingCancelled;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.meeting.MeetingRescheduled;
import de.gremium.events.meeting.MeetingScheduled;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Feeds a meeting's events to the projection with the sequence numbers the event store would give them. */
final class MeetingEvents {

    static final Instant T0 = Instant.parse("2027-01-04T08:00:00Z");

    private final MeetingProjection projection;
    private final Map<String, Long> next = new HashMap<>();

    MeetingEvents(MeetingProjection projection) {
        this.projection = projection;
    }

    static MeetingPlanned planned(String id, int year, int quarter, MeetingKind kind, String title) {
        return new MeetingPlanned(new MeetingId(id), year, quarter, kind, title, 60, "koordinator", T0);
    }

    static MeetingScheduled scheduled(String id, String start, String location) {
        Instant at = Instant.parse(start);
        return new MeetingScheduled(new MeetingId(id), at, at.plusSeconds(3600), location, "koordinator", T0.plusSeconds(60));
    }

    static MeetingRescheduled rescheduled(String id, String start, String location, Instant at) {
        Instant begin = Instant.parse(start);
        return new MeetingRescheduled(new MeetingId(id), begin, begin.plusSeconds(3600), location, "Ratssitzung",
                "koordinator", at);
    }

    static AgendaItemAdded item(String id, String item, AgendaTopicKind kind, String reference, String title, int position,
            Instant at) {
        return new AgendaItemAdded(new MeetingId(id), new AgendaItemId(item), new AgendaTopic(kind, reference, title),
                position, "koordinator", at);
    }

    static AgendaItemRemoved removed(String id, String item, Instant at) {
        return new AgendaItemRemoved(new MeetingId(id), new AgendaItemId(item), "koordinator", at);
    }

    static AgendaReordered reordered(String id, Instant at, String... items) {
        return new AgendaReordered(new MeetingId(id), Arrays.stream(items).map(AgendaItemId::new).toList(), "koordinator", at);
    }

    static MeetingCancelled cancelled(String id, String reason, Instant at) {
        return new MeetingCancelled(new MeetingId(id), reason, "koordinator", at);
    }

    /** Applies each event as its meeting's next event. */
    void given(Object... events) {
        for (Object event : events) {
            String meeting = meetingOf(event);
            long sequence = next.getOrDefault(meeting, 0L);
            apply(event, sequence);
            next.put(meeting, sequence + 1);
        }
    }

    void apply(Object event, long sequence) {
        if (event instanceof MeetingPlanned e) {
            projection.on(e, sequence);
        } else if (event instanceof MeetingScheduled e) {
            projection.on(e, sequence);
        } else if (event instanceof MeetingRescheduled e) {
            projection.on(e, sequence);
        } else if (event instanceof AgendaItemAdded e) {
            projection.on(e, sequence);
        } else if (event instanceof AgendaItemRemoved e) {
            projection.on(e, sequence);
        } else if (event instanceof AgendaReordered e) {
            projection.on(e, sequence);
        } else if (event instanceof GuestInvited e) {
            projection.on(e, sequence);
        } else if (event instanceof MeetingHeld e) {
            projection.on(e, sequence);
        } else if (event instanceof MeetingCancelled e) {
            projection.on(e, sequence);
        } else {
            throw new IllegalArgumentException(event.toString());
        }
    }

    private static String meetingOf(Object event) {
        return ((de.gremium.events.meeting.MeetingEvent) event).meetingId().value();
    }
}
