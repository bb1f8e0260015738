package de.gremium.query.meeting;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import de.gremium.events.group.MemberId;
import de.gremium.events.meeting.AgendaItemAdded;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.AgendaItemRemoved;
import de.gremium.events.meeting.AgendaReordered;
import de.gremium.events.meeting.GuestId;
import de.gremium.events.meeting.GuestInvited;
import de.gremium.events.meeting.MeetingCancelled;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.meeting.MeetingRescheduled;
import de.gremium.events.meeting.MeetingScheduled;
import de.gremium.events.meeting.MeetingStatus;
import de.gremium.query.meeting.MeetingView.AgendaItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Builds the work plan's meetings. Planning is an upsert that sets fields on insert only; every later
 * event applies {@code where _id = meetingId and version < sequence} and sets the version in the same
 * update, so a replayed or redelivered event changes nothing. Changes that depend on the current
 * state (agenda positions, the reschedule history) read the meeting first; the processor hands one
 * meeting's events to one thread in order, so nothing changes in between.
 */
@Component
@ProcessingGroup(MeetingProjection.GROUP)
public class MeetingProjection {

    public static final String GROUP = "work-plan";

    private final MongoTemplate mongo;

    public MeetingProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(MeetingPlanned event, @SequenceNumber long sequence) {
        mongo.upsert(query(where("_id").is(event.meetingId().value())), new Update()
                .setOnInsert("year", event.year())
                .setOnInsert("quarter", event.quarter())
                .setOnInsert("kind", event.kind())
                .setOnInsert("title", event.title())
                .setOnInsert("durationMinutes", event.durationMinutes())
                .setOnInsert("status", MeetingStatus.PLANNED)
                .setOnInsert("plannedBy", event.plannedBy())
                .setOnInsert("plannedAt", event.plannedAt())
                .setOnInsert("reschedules", List.of())
                .setOnInsert("agenda", List.of())
                .setOnInsert("guests", List.of())
                .setOnInsert("icalSequence", 0)
                .setOnInsert("lastChangedAt", event.plannedAt())
                .setOnInsert("version", sequence), MeetingView.class);
    }

    @EventHandler
    void on(MeetingScheduled event, @SequenceNumber long sequence) {
        change(event.meetingId(), sequence, event.scheduledAt(), meeting -> {
            Update update = new Update()
                    .set("status", MeetingStatus.SCHEDULED)
                    .set("start", event.start())
                    .set("end", event.end())
                    .set("location", event.location())
                    .set("calendarOverride", event.calendarOverride());
            return meeting.firstScheduledAt() == null
                    ? update.set("firstScheduledAt", event.scheduledAt()).set("scheduledBy", event.scheduledBy())
                    : update.inc("icalSequence", 1);
        });
    }

    @EventHandler
    void on(MeetingRescheduled event, @SequenceNumber long sequence) {
        change(event.meetingId(), sequence, event.rescheduledAt(), meeting -> new Update()
                .set("start", event.start())
                .set("end", event.end())
                .set("location", event.location())
                .set("calendarOverride", event.calendarOverride())
                .push("reschedules", new MeetingView.Reschedule(meeting.start(), meeting.end(), meeting.location(),
                        event.start(), event.end(), event.location(), event.reason(), event.rescheduledBy(),
                        event.rescheduledAt(), event.calendarOverride()))
                .inc("icalSequence", 1));
    }

    @EventHandler
    void on(MeetingCancelled event, @SequenceNumber long sequence) {
        change(event.meetingId(), sequence, event.cancelledAt(), meeting -> {
            Update update = new Update()
                    .set("status", MeetingStatus.CANCELLED)
                    .set("cancellation", new MeetingView.Cancellation(event.reason(), event.cancelledBy(),
                            event.cancelledAt()));
            // a meeting never scheduled was never in anyone's calendar
            return meeting.firstScheduledAt() == null ? update : update.inc("icalSequence", 1);
        });
    }

    @EventHandler
    void on(MeetingHeld event, @SequenceNumber long sequence) {
        applyIfNewer(event.meetingId(), sequence, event.recordedAt(), new Update()
                .set("status", MeetingStatus.HELD)
                .set("attendance", new MeetingView.Attendance(
                        event.attendees().stream().map(MemberId::value).toList(),
                        event.guestsPresent().stream().map(GuestId::value).toList(),
                        event.recordedBy(), event.recordedAt()))
                .set("minutes", event.minutes()));
    }

    @EventHandler
    void on(GuestInvited event, @SequenceNumber long sequence) {
        applyIfNewer(event.meetingId(), sequence, event.invitedAt(), new Update().push("guests", new MeetingView.Guest(
                event.guest().guestId().value(), event.guest().name(), event.guest().organisation(), event.invitedBy(),
                event.invitedAt())));
    }

    @EventHandler
    void on(AgendaItemAdded event, @SequenceNumber long sequence) {
        AgendaItem item = new AgendaItem(event.agendaItemId().value(), event.topic().kind(), event.topic().referenceId(),
                event.topic().title(), event.addedBy(), event.addedAt());
        change(event.meetingId(), sequence, event.addedAt(), meeting -> {
            List<AgendaItem> agenda = new ArrayList<>(meeting.agenda());
            agenda.add(Math.max(0, Math.min(event.position(), agenda.size())), item);
            return new Update().set("agenda", agenda);
        });
    }

    @EventHandler
    void on(AgendaItemRemoved event, @SequenceNumber long sequence) {
        change(event.meetingId(), sequence, event.removedAt(), meeting -> new Update().set("agenda",
                meeting.agenda().stream().filter(i -> !i.agendaItemId().equals(event.agendaItemId().value())).toList()));
    }

    @EventHandler
    void on(AgendaReordered event, @SequenceNumber long sequence) {
        change(event.meetingId(), sequence, event.reorderedAt(), meeting -> {
            Map<String, AgendaItem> items = new LinkedHashMap<>();
            meeting.agenda().forEach(i -> items.put(i.agendaItemId(), i));
            List<AgendaItem> agenda = new ArrayList<>();
            for (AgendaItemId id : event.order()) {
                AgendaItem item = items.remove(id.value());
                if (item != null) {
                    agenda.add(item);
                }
            }
            agenda.addAll(items.values()); // the command side sends every item; keep any it did not name
            return new Update().set("agenda", agenda);
        });
    }

    /** A replay starts from an empty work plan (emptied, not dropped, so that its indexes stay). */
    @ResetHandler
    void reset() {
        mongo.remove(new Query(), MeetingView.class);
    }

    private void change(MeetingId meetingId, long sequence, Instant at, Function<MeetingView, Update> change) {
        MeetingView meeting = mongo.findById(meetingId.value(), MeetingView.class);
        if (meeting != null && meeting.version() < sequence) {
            applyIfNewer(meetingId, sequence, at, change.apply(meeting));
        }
    }

    private void applyIfNewer(MeetingId meetingId, long sequence, Instant at, Update update) {
        mongo.updateFirst(query(where("_id").is(meetingId.value()).and("version").lt(sequence)),
                update.set("version", sequence).set("lastChangedAt", at), MeetingView.class);
    }
}
