package de.gremium.command.meeting;

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
import de.gremium.events.meeting.GuestId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.RecordMeetingHeld;
import de.gremium.platform.refusal.Refusal;
import java.time.Clock;
import java.util.List;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The meeting commands that need facts from other aggregates: an agenda item names an idea or a report that exists,
 * and the attendance of a held meeting lists members of the group. The {@link Meeting} decides the rest.
 */
@Component
class Meetings {

    private final CommandDispatcher commands;
    private final GroupDirectory group;
    private final Repository<ProjectIdea> ideas;
    private final Repository<ProblemReport> reports;
    private final Clock clock;

    Meetings(CommandDispatcher commands, GroupDirectory group,
            @Qualifier("projectIdeaRepository") Repository<ProjectIdea> ideas,
            @Qualifier("problemReportRepository") Repository<ProblemReport> reports, Clock clock) {
        this.commands = commands;
        this.group = group;
        this.ideas = ideas;
        this.reports = reports;
        this.clock = clock;
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
