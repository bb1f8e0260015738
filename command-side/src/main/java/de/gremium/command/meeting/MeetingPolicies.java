package de.gremium.command.meeting;

import de.gremium.command.messaging.PolicyCommands;
import de.gremium.events.idea.MarkProjectIdeaDiscussed;
import de.gremium.events.idea.PlaceProjectIdeaOnAgenda;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.meeting.AgendaItemAdded;
import de.gremium.events.meeting.AgendaTopic;
import de.gremium.events.meeting.AgendaTopicKind;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.ScheduleMeeting;
import de.gremium.events.scheduling.MeetingDateFixed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * What follows from what happened to a meeting, as commands to other aggregates: an idea put on an
 * agenda is "on the agenda"; an idea whose meeting was held is "discussed"; a date fixed by a poll
 * schedules the meeting. Runs in a subscribing processor (see command-side.properties), so it acts in
 * the thread of the command that caused it and never replays history; the commands it sends carry
 * the causing user and correlation id onward.
 */
@Component
@ProcessingGroup(PolicyCommands.PROCESSING_GROUP)
class MeetingPolicies {

    private final PolicyCommands commands;

    MeetingPolicies(PolicyCommands commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(AgendaItemAdded event, EventMessage<?> message) {
        if (event.topic().kind() == AgendaTopicKind.PROJECT_IDEA) {
            send(new PlaceProjectIdeaOnAgenda(new ProjectIdeaId(event.topic().referenceId()), event.meetingId(),
                    event.agendaItemId(), event.addedBy(), event.addedAt()), message);
        }
    }

    @EventHandler
    void on(MeetingHeld event, EventMessage<?> message) {
        for (AgendaTopic topic : event.agenda()) {
            if (topic.kind() == AgendaTopicKind.PROJECT_IDEA) {
                send(new MarkProjectIdeaDiscussed(new ProjectIdeaId(topic.referenceId()), event.meetingId(),
                        event.recordedBy(), event.recordedAt()), message);
            }
        }
    }

    @EventHandler
    void on(MeetingDateFixed event, EventMessage<?> message) {
        send(new ScheduleMeeting(event.meetingId(), event.start(), null, event.fixedBy(), event.fixedAt()), message);
    }

    private void send(Object command, EventMessage<?> cause) {
        commands.send(command, cause);
    }
}
