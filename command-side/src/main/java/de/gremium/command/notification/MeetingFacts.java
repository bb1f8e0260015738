package de.gremium.command.notification;

import de.gremium.events.group.MemberId;
import de.gremium.events.meeting.AgendaItemAdded;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.AgendaItemRemoved;
import de.gremium.events.meeting.AgendaReordered;
import de.gremium.events.meeting.AgendaTopic;
import de.gremium.events.meeting.Guest;
import de.gremium.events.meeting.GuestId;
import de.gremium.events.meeting.GuestInvited;
import de.gremium.events.meeting.MeetingCancelled;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.meeting.MeetingRescheduled;
import de.gremium.events.meeting.MeetingScheduled;
import de.gremium.events.meeting.MeetingStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A meeting as the notifier needs it, folded from its stream in the record: what it is, when and where, its status,
 * guests, agenda in order, minutes, and its iCalendar SEQUENCE by the feed's rule (the query side's
 * {@code MeetingProjection}): 0 at the first {@code MeetingScheduled}; one more for every later one, every
 * {@code MeetingRescheduled}, and a {@code MeetingCancelled} of a meeting that had been scheduled.
 */
final class MeetingFacts {

    MeetingId meetingId;
    MeetingKind kind;
    int year;
    int quarter;
    String title;
    Instant start;
    Instant end;
    String location;
    MeetingStatus status;
    String reason;
    String minutes;
    List<MemberId> attendees = List.of();
    List<GuestId> guestsPresent = List.of();
    final Map<GuestId, Guest> guests = new LinkedHashMap<>();
    int sequence;
    boolean everScheduled;
    private final List<AgendaItemId> order = new ArrayList<>();
    private final Map<AgendaItemId, AgendaTopic> topics = new HashMap<>();

    static MeetingFacts of(List<Object> events) {
        MeetingFacts m = new MeetingFacts();
        events.forEach(m::apply);
        return m;
    }

    private void apply(Object event) {
        if (event instanceof MeetingPlanned planned) {
            meetingId = planned.meetingId();
            kind = planned.kind();
            year = planned.year();
            quarter = planned.quarter();
            title = planned.title();
            status = MeetingStatus.PLANNED;
        } else if (event instanceof MeetingScheduled scheduled) {
            if (everScheduled) {
                sequence++;
            }
            everScheduled = true;
            dated(scheduled.start(), scheduled.end(), scheduled.location());
            status = MeetingStatus.SCHEDULED;
        } else if (event instanceof MeetingRescheduled rescheduled) {
            sequence++;
            dated(rescheduled.start(), rescheduled.end(), rescheduled.location());
            reason = rescheduled.reason();
        } else if (event instanceof MeetingCancelled cancelled) {
            if (everScheduled) {
                sequence++;
            }
            status = MeetingStatus.CANCELLED;
            reason = cancelled.reason();
        } else if (event instanceof MeetingHeld held) {
            status = MeetingStatus.HELD;
            minutes = held.minutes();
            attendees = held.attendees();
            guestsPresent = held.guestsPresent();
        } else if (event instanceof GuestInvited invited) {
            guests.put(invited.guest().guestId(), invited.guest());
        } else if (event instanceof AgendaItemAdded added) {
            topics.put(added.agendaItemId(), added.topic());
            order.add(Math.max(0, Math.min(added.position(), order.size())), added.agendaItemId());
        } else if (event instanceof AgendaItemRemoved removed) {
            topics.remove(removed.agendaItemId());
            order.remove(removed.agendaItemId());
        } else if (event instanceof AgendaReordered reordered) {
            order.clear();
            order.addAll(reordered.order());
        }
    }

    private void dated(Instant newStart, Instant newEnd, String newLocation) {
        start = newStart;
        end = newEnd;
        location = newLocation;
    }

    List<AgendaTopic> agenda() {
        return order.stream().filter(topics::containsKey).map(topics::get).toList();
    }

    boolean exists() {
        return meetingId != null;
    }

    /** "Sitzung Q1/2027" (regular) or "Sondersitzung", then the title unless it only repeats that. */
    String label() {
        String base = kind == MeetingKind.EXTRA ? MeetingKind.EXTRA.germanLabel() : "Sitzung Q" + quarter + "/" + year;
        String t = title == null ? "" : title.strip();
        return t.isEmpty() || t.equalsIgnoreCase(base) ? base : base + ": " + t;
    }
}
