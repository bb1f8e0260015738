package de.gremium.query.oparl;

import static de.gremium.query.oparl.OParlWrites.values;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import de.gremium.events.consensus.ConsensusRecorded;
import de.gremium.events.consensus.DraftRecommendationPut;
import de.gremium.events.consensus.NoConsensusRecorded;
import de.gremium.events.meeting.AgendaItemAdded;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.AgendaItemRemoved;
import de.gremium.events.meeting.AgendaReordered;
import de.gremium.events.meeting.MeetingCancelled;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.meeting.MeetingRescheduled;
import de.gremium.events.meeting.MeetingScheduled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Meetings with their agenda items, place and minutes, and what a deliberation concluded on its agenda item. A
 * meeting's own events apply only while its {@code version} is lower than the event's sequence number; the meeting
 * is written last, so that a redelivered event writes its agenda items again before it is recognised as applied.
 */
@Component
@ProcessingGroup(OParlGroupProjection.GROUP)
public class OParlMeetingProjection {

    static final String PLANNED = "geplant";
    static final String SCHEDULED = "terminiert";
    static final String HELD = "durchgeführt";
    static final String CANCELLED = "abgesagt";
    static final String CONSENSUS = "Konsens: Empfehlung an den Oberbürgermeister";
    static final String NO_CONSENSUS = "kein Konsens";

    private final OParlWrites writes;

    public OParlMeetingProjection(MongoTemplate mongo) {
        this.writes = new OParlWrites(mongo);
    }

    @EventHandler
    void on(MeetingPlanned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String meeting = OParlPaths.meeting(event.meetingId().value());
        if (writes.find(meeting) == null) {
            String name = event.title() == null || event.title().isBlank()
                    ? "Sitzung Q" + event.quarter() + "/" + event.year() : event.title();
            writes.put(meeting, OParlKind.MEETING, null, at, values(
                    "name", name, "meetingState", PLANNED, "cancelled", false), values("organization", List.of(OParlPaths.GROUP)));
        }
        // apart from the first write, and only where it is missing: a delivery that failed between the two writes
        // leaves a meeting without version, which the redelivery completes (else every later event would miss it)
        writes.mongo().updateFirst(query(where("_id").is(meeting).and("version").exists(false)),
                new Update().set("version", sequence).set("internal.agenda", List.of()), OParlObject.class);
    }

    @EventHandler
    void on(MeetingScheduled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        dated(event.meetingId(), event.start(), event.end(), event.location(), sequence, at);
    }

    @EventHandler
    void on(MeetingRescheduled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        dated(event.meetingId(), event.start(), event.end(), event.location(), sequence, at);
    }

    @EventHandler
    void on(MeetingCancelled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        applyIfNewer(event.meetingId(), sequence, at, new Update().set("fields.meetingState", CANCELLED)
                .set("fields.cancelled", true));
    }

    @EventHandler
    void on(MeetingHeld event, @SequenceNumber long sequence, @Timestamp Instant at) {
        OParlObject meeting = unseen(event.meetingId(), sequence);
        if (meeting == null) {
            return;
        }
        String minutes = OParlPaths.minutes(event.meetingId().value());
        if (event.minutes() != null && !event.minutes().isBlank()) {
            writes.put(minutes, OParlKind.FILE, meeting.id(), at, values(
                    "name", "Niederschrift",
                    "fileName", "niederschrift-" + event.meetingId().value() + ".txt",
                    "mimeType", "text/plain",
                    "date", OParlPaths.date(at),
                    "text", event.minutes()), values("accessUrl", minutes + "/content", "meeting", List.of(meeting.id())));
        }
        applyIfNewer(event.meetingId(), sequence, at, new Update().set("fields.meetingState", HELD)
                .set("refs.participant", event.attendees().stream().map(m -> OParlPaths.person(m.value())).toList()));
    }

    @EventHandler
    void on(AgendaItemAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        OParlObject meeting = unseen(event.meetingId(), sequence);
        if (meeting == null) {
            return;
        }
        String item = OParlPaths.agendaItem(event.agendaItemId().value());
        writes.put(item, OParlKind.AGENDA_ITEM, meeting.id(), at, values("name", event.topic().title(), "public", true),
                values("meeting", meeting.id()));
        List<String> agenda = new ArrayList<>(agenda(meeting));
        agenda.remove(item);
        agenda.add(Math.max(0, Math.min(event.position(), agenda.size())), item);
        renumber(meeting, agenda, sequence, at);
    }

    @EventHandler
    void on(AgendaItemRemoved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        OParlObject meeting = unseen(event.meetingId(), sequence);
        if (meeting == null) {
            return;
        }
        String item = OParlPaths.agendaItem(event.agendaItemId().value());
        writes.delete(item, at);
        List<String> agenda = new ArrayList<>(agenda(meeting));
        agenda.remove(item);
        renumber(meeting, agenda, sequence, at);
    }

    @EventHandler
    void on(AgendaReordered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        OParlObject meeting = unseen(event.meetingId(), sequence);
        if (meeting == null) {
            return;
        }
        List<String> current = agenda(meeting);
        Set<String> agenda = new LinkedHashSet<>();
        for (AgendaItemId id : event.order()) {
            String item = OParlPaths.agendaItem(id.value());
            if (current.contains(item)) {
                agenda.add(item);
            }
        }
        agenda.addAll(current); // the command side sends every item; keep any it did not name, at the end
        renumber(meeting, new ArrayList<>(agenda), sequence, at);
    }

    @EventHandler
    void on(DraftRecommendationPut event, @Timestamp Instant at) {
        // no change an OParl client sees: only which agenda item a deliberation concludes on
        writes.mongo().updateFirst(query(where("_id").is(OParlPaths.agendaItem(event.agendaItemId().value()))),
                new Update().addToSet("internal.deliberations", event.deliberationId().value()), OParlObject.class);
    }

    @EventHandler
    void on(ConsensusRecorded event, @Timestamp Instant at) {
        concluded(OParlPaths.agendaItem(event.agendaItemId().value()), at, new Update()
                .set("fields.result", CONSENSUS)
                .set("fields.resolutionText", event.text())
                .set("refs.consultation", OParlPaths.recommendationConsultation(event.recommendationId().value())));
    }

    @EventHandler
    void on(NoConsensusRecorded event, @Timestamp Instant at) {
        OParlObject item = writes.mongo().findOne(query(where("kind").is(OParlKind.AGENDA_ITEM)
                .and("internal.deliberations").is(event.deliberationId().value())), OParlObject.class);
        if (item != null) {
            concluded(item.id(), at, new Update().set("fields.result", NO_CONSENSUS));
        }
    }

    private void concluded(String item, Instant at, Update update) {
        OParlObject agendaItem = writes.find(item);
        if (agendaItem == null) {
            return;
        }
        writes.change(item, at, update);
        writes.touch(agendaItem.parent(), at);
    }

    private void dated(MeetingId meetingId, Instant start, Instant end, String location, long sequence, Instant at) {
        OParlObject meeting = unseen(meetingId, sequence);
        if (meeting == null) {
            return;
        }
        String place = OParlKind.LOCATION.id("meeting-" + meetingId.value());
        if (location != null && !location.isBlank()) {
            writes.put(place, OParlKind.LOCATION, meeting.id(), at, values("description", location),
                    values("meetings", List.of(meeting.id())));
        } else if (writes.find(place) != null) {
            writes.delete(place, at);
        }
        Update update = new Update().set("fields.start", OParlPaths.dateTime(start)).set("fields.end", OParlPaths.dateTime(end));
        if (!Boolean.TRUE.equals(meeting.fields().get("cancelled"))) {
            update.set("fields.meetingState", SCHEDULED);
        }
        applyIfNewer(meetingId, sequence, at, update);
    }

    /** Gives every item of the agenda its order and number (from 1), marking only the items that moved. */
    private void renumber(OParlObject meeting, List<String> agenda, long sequence, Instant at) {
        for (int i = 0; i < agenda.size(); i++) {
            OParlObject item = writes.find(agenda.get(i));
            if (item != null && !Objects.equals(item.fields().get("order"), i + 1)) {
                writes.change(item.id(), at, new Update().set("fields.order", i + 1).set("fields.number", Integer.toString(i + 1)));
            }
        }
        applyIfNewer(new MeetingId(meeting.id().substring(meeting.id().indexOf('/') + 1)), sequence, at,
                new Update().set("internal.agenda", agenda));
    }

    @SuppressWarnings("unchecked")
    private static List<String> agenda(OParlObject meeting) {
        Object agenda = meeting.internal().get("agenda");
        return agenda == null ? List.of() : (List<String>) agenda;
    }

    /** The meeting, unless it does not exist or has seen this event already. */
    private OParlObject unseen(MeetingId meetingId, long sequence) {
        OParlObject meeting = writes.find(OParlPaths.meeting(meetingId.value()));
        return meeting == null || meeting.versionOrZero() >= sequence ? null : meeting;
    }

    private void applyIfNewer(MeetingId meetingId, long sequence, Instant at, Update update) {
        writes.mongo().updateFirst(query(where("_id").is(OParlPaths.meeting(meetingId.value())).and("version").lt(sequence)),
                OParlWrites.stamped(update, at).set("version", sequence), OParlObject.class);
    }
}
