package de.gremium.command.meeting;

import static de.gremium.platform.refusal.Refusal.conflict;
import static de.gremium.platform.refusal.Refusal.invalid;
import static de.gremium.command.meeting.MeetingRules.aQuarterOfAYear;
import static de.gremium.command.meeting.MeetingRules.notLongerThanOneHour;
import static de.gremium.command.meeting.MeetingRules.oneRegularMeetingPerQuarter;
import static de.gremium.command.meeting.MeetingRules.stillOpen;
import static de.gremium.command.meeting.MeetingRules.withinItsQuarter;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.gremium.command.values.EmailAddress;
import de.gremium.command.values.TextKind;
import de.gremium.events.Quarter;
import de.gremium.events.meeting.AddAgendaItem;
import de.gremium.events.meeting.AgendaItemAdded;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.AgendaItemRemoved;
import de.gremium.events.meeting.AgendaReordered;
import de.gremium.events.meeting.AgendaTopic;
import de.gremium.events.meeting.AgendaTopicKind;
import de.gremium.events.meeting.CalendarOverride;
import de.gremium.events.meeting.CancelMeeting;
import de.gremium.events.meeting.GuestId;
import de.gremium.events.meeting.GuestInvited;
import de.gremium.events.meeting.InviteGuest;
import de.gremium.events.meeting.MeetingCancelled;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.meeting.MeetingRescheduled;
import de.gremium.events.meeting.MeetingScheduled;
import de.gremium.events.meeting.MeetingStatus;
import de.gremium.events.meeting.PlanMeeting;
import de.gremium.events.meeting.RecordMeetingHeld;
import de.gremium.events.meeting.RemoveAgendaItem;
import de.gremium.events.meeting.ReorderAgenda;
import de.gremium.events.meeting.RescheduleMeeting;
import de.gremium.events.meeting.ScheduleMeeting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** One meeting of the group: planned on the work plan, dated, given an agenda, then held or cancelled. */
@Aggregate(cache = "aggregateCache")
public class Meeting {

    @AggregateIdentifier
    private MeetingId meetingId;
    private Quarter quarter;
    private int durationMinutes;
    private MeetingStatus status;
    private Instant start;
    private final List<AgendaItemId> order = new ArrayList<>();
    private final Map<AgendaItemId, AgendaTopic> agenda = new LinkedHashMap<>();
    private final Set<GuestId> guests = new HashSet<>();
    private List<de.gremium.events.group.MemberId> attendees = List.of();
    private List<GuestId> guestsPresent = List.of();

    protected Meeting() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Meeting(PlanMeeting command) {
        aQuarterOfAYear(command.year(), command.quarter());
        if (command.kind() == null) {
            throw invalid("kind", "kind must be REGULAR or EXTRA");
        }
        oneRegularMeetingPerQuarter(command.meetingId(), command.kind(), new Quarter(command.year(), command.quarter()));
        notLongerThanOneHour(command.durationMinutes());
        TextKind.TITLE.require("title", command.title());
        apply(new MeetingPlanned(command.meetingId(), command.year(), command.quarter(), command.kind(), command.title(),
                command.durationMinutes(), command.plannedBy(), command.plannedAt()));
    }

    @CommandHandler
    void handle(ScheduleMeeting command) {
        stillOpen(status);
        if (status == MeetingStatus.SCHEDULED) {
            throw conflict("The meeting already has a date; reschedule it instead.");
        }
        requireStart(command.start());
        CalendarOverride override = requireReason(command.calendarOverride());
        apply(new MeetingScheduled(meetingId, command.start(), end(command.start()), location(command.location()),
                command.scheduledBy(), command.scheduledAt(), override));
    }

    @CommandHandler
    void handle(RescheduleMeeting command) {
        stillOpen(status);
        if (status != MeetingStatus.SCHEDULED) {
            throw conflict("The meeting has no date yet; schedule it first.");
        }
        requireStart(command.start());
        TextKind.SHORT_TEXT.require("reason", command.reason());
        CalendarOverride override = requireReason(command.calendarOverride());
        apply(new MeetingRescheduled(meetingId, command.start(), end(command.start()), location(command.location()),
                command.reason(), command.rescheduledBy(), command.rescheduledAt(), override));
    }

    @CommandHandler
    void handle(AddAgendaItem command) {
        stillOpen(status);
        AgendaTopic topic = command.topic();
        if (topic == null || topic.kind() == null) {
            throw invalid("topic.kind", "an agenda item names a PROJECT_IDEA, a PROBLEM_REPORT or a FREE topic");
        }
        TextKind.TITLE.require("topic.title", topic.title());
        if (topic.kind() != AgendaTopicKind.FREE) {
            TextKind.TITLE.require("topic.referenceId", topic.referenceId());
            if (agenda.values().stream().anyMatch(t -> t.kind() == topic.kind() && topic.referenceId().equals(t.referenceId()))) {
                throw conflict("This " + topic.kind() + " is already on the agenda.");
            }
        }
        if (agenda.containsKey(command.agendaItemId())) {
            throw conflict("An agenda item with this id already exists.");
        }
        int position = command.position() == null ? order.size() : command.position();
        if (position < 0 || position > order.size()) {
            throw invalid("position", "position must be between 0 and " + order.size());
        }
        apply(new AgendaItemAdded(meetingId, command.agendaItemId(), topic, position, command.addedBy(), command.addedAt()));
    }

    @CommandHandler
    void handle(RemoveAgendaItem command) {
        stillOpen(status);
        if (!agenda.containsKey(command.agendaItemId())) {
            throw invalid("agendaItemId", "no agenda item " + command.agendaItemId() + " in this meeting");
        }
        apply(new AgendaItemRemoved(meetingId, command.agendaItemId(), command.removedBy(), command.removedAt()));
    }

    @CommandHandler
    void handle(ReorderAgenda command) {
        stillOpen(status);
        if (command.order() == null || command.order().size() != order.size()
                || !new HashSet<>(command.order()).equals(new HashSet<>(order))) {
            throw invalid("order", "the new order must list every agenda item exactly once: " + order);
        }
        apply(new AgendaReordered(meetingId, command.order(), command.reorderedBy(), command.reorderedAt()));
    }

    @CommandHandler
    void handle(InviteGuest command) {
        stillOpen(status);
        if (command.guest() == null || command.guest().guestId() == null) {
            throw invalid("guest", "a guest is required");
        }
        TextKind.TITLE.require("name", command.guest().name());
        TextKind.TITLE.require("organisation", command.guest().organisation());
        EmailAddress.optional("email", command.guest().email());
        if (guests.contains(command.guest().guestId())) {
            throw conflict("This guest is already invited.");
        }
        apply(new GuestInvited(meetingId, command.guest(), command.invitedBy(), command.invitedAt()));
    }

    @CommandHandler
    void handle(RecordMeetingHeld command) {
        stillOpen(status);
        if (status != MeetingStatus.SCHEDULED) {
            throw conflict("Only a scheduled meeting can be recorded as held.");
        }
        if (command.recordedAt().isBefore(start)) {
            throw conflict("The meeting starts at " + start + "; it cannot be recorded as held before.");
        }
        if (command.attendees() == null || command.attendees().isEmpty()) {
            throw invalid("attendees", "a held meeting has at least one member present");
        }
        for (GuestId guest : command.guestsPresent()) {
            if (!guests.contains(guest)) {
                throw invalid("guestsPresent", guest + " was not invited to this meeting");
            }
        }
        TextKind.TEXT.require("minutes", command.minutes());
        apply(new MeetingHeld(meetingId, command.attendees(), command.guestsPresent(), command.minutes(),
                order.stream().map(agenda::get).toList(), command.recordedBy(), command.recordedAt()));
    }

    @CommandHandler
    void handle(CancelMeeting command) {
        stillOpen(status);
        TextKind.SHORT_TEXT.require("reason", command.reason());
        apply(new MeetingCancelled(meetingId, command.reason(), command.cancelledBy(), command.cancelledAt()));
    }

    private void requireStart(Instant candidate) {
        if (candidate == null) {
            throw invalid("start", "a start time is required");
        }
        withinItsQuarter("start", candidate, quarter);
    }

    /** A date kept against the blocked calendar says why (the clashes come from the calendar, see {@link Meetings}). */
    private static CalendarOverride requireReason(CalendarOverride override) {
        if (override != null) {
            TextKind.SHORT_TEXT.require("override.reason", override.reason());
        }
        return override;
    }

    private Instant end(Instant from) {
        return from.plusSeconds(60L * durationMinutes);
    }

    private static String location(String location) {
        return location == null ? "" : location.strip();
    }

    @EventSourcingHandler
    void on(MeetingPlanned event) {
        meetingId = event.meetingId();
        quarter = new Quarter(event.year(), event.quarter());
        durationMinutes = event.durationMinutes();
        status = MeetingStatus.PLANNED;
    }

    @EventSourcingHandler
    void on(MeetingScheduled event) {
        start = event.start();
        status = MeetingStatus.SCHEDULED;
    }

    @EventSourcingHandler
    void on(MeetingRescheduled event) {
        start = event.start();
    }

    @EventSourcingHandler
    void on(AgendaItemAdded event) {
        agenda.put(event.agendaItemId(), event.topic());
        order.add(event.position(), event.agendaItemId());
    }

    @EventSourcingHandler
    void on(AgendaItemRemoved event) {
        agenda.remove(event.agendaItemId());
        order.remove(event.agendaItemId());
    }

    @EventSourcingHandler
    void on(AgendaReordered event) {
        order.clear();
        order.addAll(event.order());
    }

    @EventSourcingHandler
    void on(GuestInvited event) {
        guests.add(event.guest().guestId());
    }

    @EventSourcingHandler
    void on(MeetingHeld event) {
        status = MeetingStatus.HELD;
        attendees = event.attendees();
        guestsPresent = event.guestsPresent();
    }

    @EventSourcingHandler
    void on(MeetingCancelled event) {
        status = MeetingStatus.CANCELLED;
    }

    /**
     * Facts for other edges: the scheduling poll checks the meeting is still to be dated in its
     * quarter; a deliberation takes attendance and the agenda item's topic from a held meeting.
     */
    public MeetingFacts facts() {
        return new MeetingFacts(meetingId, quarter, durationMinutes, status, Map.copyOf(agenda), attendees, guestsPresent);
    }

    public record MeetingFacts(MeetingId meetingId, Quarter quarter, int durationMinutes, MeetingStatus status,
            Map<AgendaItemId, AgendaTopic> agenda, List<de.gremium.events.group.MemberId> attendees,
            List<GuestId> guestsPresent) {
    }
}
