package de.gremium.command.meeting;

import de.gremium.command.calendar.CandidateSlotPlanner;
import de.gremium.command.group.GroupFacts;
import de.gremium.command.group.GroupDirectory;
import de.gremium.command.idea.ProjectIdea;
import de.gremium.command.messaging.AggregateReader;
import de.gremium.command.messaging.CommandDispatcher;
import de.gremium.command.problem.ProblemReport;
import de.gremium.events.group.MemberId;
import de.gremium.events.meeting.AddAgendaItem;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.AgendaTopic;
import de.gremium.events.meeting.AgendaTopicKind;
import de.gremium.events.meeting.CalendarOverride;
import de.gremium.events.meeting.GuestId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.RecordMeetingHeld;
import de.gremium.events.meeting.RescheduleMeeting;
import de.gremium.events.meeting.ScheduleMeeting;
import de.gremium.platform.refusal.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The meeting commands that need facts from other aggregates or the blocked calendar: a date (scheduled or moved)
 * clashes with no blocked appointment unless the coordinator overrides it with a reason, an agenda item names an idea
 * or a report that exists, and the attendance of a held meeting lists members of the group. The {@link Meeting}
 * decides the rest.
 */
@Component
class Meetings {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final CommandDispatcher commands;
    private final CandidateSlotPlanner planner;
    private final GroupDirectory group;
    private final Repository<Meeting> meetings;
    private final Repository<ProjectIdea> ideas;
    private final Repository<ProblemReport> reports;
    private final Clock clock;

    Meetings(CommandDispatcher commands, CandidateSlotPlanner planner, GroupDirectory group,
            @Qualifier("meetingRepository") Repository<Meeting> meetings,
            @Qualifier("projectIdeaRepository") Repository<ProjectIdea> ideas,
            @Qualifier("problemReportRepository") Repository<ProblemReport> reports, Clock clock) {
        this.commands = commands;
        this.planner = planner;
        this.group = group;
        this.meetings = meetings;
        this.ideas = ideas;
        this.reports = reports;
        this.clock = clock;
    }

    /** Dates the meeting; a date that clashes with the blocked calendar needs {@code overrideReason}. */
    void schedule(MeetingId meetingId, Instant start, String location, String overrideReason, String scheduledBy) {
        CalendarOverride override = againstTheBlockedCalendar(meetingId, start, overrideReason);
        commands.send(new ScheduleMeeting(meetingId, start, location, scheduledBy, clock.instant(), override));
    }

    /** Moves the meeting; a date that clashes with the blocked calendar needs {@code overrideReason}. */
    void reschedule(MeetingId meetingId, Instant start, String location, String reason, String overrideReason,
            String rescheduledBy) {
        CalendarOverride override = againstTheBlockedCalendar(meetingId, start, overrideReason);
        commands.send(new RescheduleMeeting(meetingId, start, location, reason, rescheduledBy, clock.instant(), override));
    }

    /**
     * The blocked appointments the meeting would clash with or come closer to than the minimum gap, checked as joint
     * scheduling checks a candidate ({@link CandidateSlotPlanner#check}): none, and the date is taken as it is; some,
     * and the date is refused (409, naming each appointment) unless the coordinator gave a reason to keep it, which
     * the event then records with the clashes. A meeting that does not exist is left to the aggregate (404), a date
     * outside its quarter is refused before the calendar is asked.
     */
    private CalendarOverride againstTheBlockedCalendar(MeetingId meetingId, Instant start, String overrideReason) {
        Optional<Meeting.MeetingFacts> meeting = AggregateReader.read(meetings, meetingId.value(), Meeting::facts);
        if (meeting.isEmpty() || start == null) {
            return null;
        }
        MeetingRules.withinItsQuarter("start", start, meeting.get().quarter());
        List<String> clashes = planner.check(start, meeting.get().durationMinutes()).conflicts();
        if (clashes.isEmpty()) {
            return null;
        }
        if (overrideReason == null) {
            throw Refusal.conflict("start", "The meeting on " + DAY.format(start.atZone(MeetingRules.ZONE))
                    + " clashes with the blocked calendar: " + String.join("; ", clashes)
                    + ". Choose another date, or keep this one with override: {\"reason\": \"...\"}.");
        }
        return new CalendarOverride(overrideReason, clashes);
    }

    /** Puts {@code topic} on the agenda at {@code position} (appended when null); an idea or report must exist. */
    void addAgendaItem(MeetingId meetingId, AgendaItemId itemId, AgendaTopic topic, Integer position, String addedBy) {
        if (topic.kind() != AgendaTopicKind.FREE && !exists(topic)) {
            throw Refusal.invalid("topic.referenceId", "no " + topic.kind() + " with id '" + topic.referenceId() + "'");
        }
        commands.send(new AddAgendaItem(meetingId, itemId, topic, position, addedBy, clock.instant()));
    }

    /** Records the meeting as held; every attendee is a member of the group (guests are listed apart). */
    void recordHeld(MeetingId meetingId, List<MemberId> attendees, List<GuestId> guestsPresent, String minutes,
            String recordedBy) {
        GroupFacts facts = group.require();
        for (MemberId attendee : attendees) {
            if (!facts.isMember(attendee)) {
                throw Refusal.invalid("attendees", "'" + attendee + "' is not a member of the group; guests go in guestsPresent");
            }
        }
        commands.send(new RecordMeetingHeld(meetingId, attendees, guestsPresent, minutes, recordedBy, clock.instant()));
    }

    private boolean exists(AgendaTopic topic) {
        if (topic.referenceId() == null) {
            return false;
        }
        Repository<?> repository = topic.kind() == AgendaTopicKind.PROJECT_IDEA ? ideas : reports;
        return AggregateReader.read(repository, topic.referenceId(), aggregate -> Boolean.TRUE).isPresent();
    }
}
