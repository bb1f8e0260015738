package de.gremium.command.consensus;

import static de.gremium.platform.refusal.Refusal.invalid;

import de.gremium.command.group.GroupDirectory;
import de.gremium.command.idea.ProjectIdea;
import de.gremium.command.meeting.Meeting;
import de.gremium.command.messaging.AggregateReader;
import de.gremium.command.messaging.CommandDispatcher;
import de.gremium.command.problem.ProblemReport;
import de.gremium.events.PolicyField;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.consensus.ObjectionId;
import de.gremium.events.consensus.PutDraftRecommendation;
import de.gremium.events.consensus.RaiseObjection;
import de.gremium.events.consensus.WithdrawObjection;
import de.gremium.events.group.MemberId;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.AgendaTopic;
import de.gremium.events.meeting.AgendaTopicKind;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingStatus;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.platform.refusal.Refusal;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Puts a draft recommendation with the facts of the meeting it belongs to: the meeting was held, the agenda item is
 * on its agenda, the ideas and reports it answers are open, and who was present (who may object). Objections are
 * raised and withdrawn by appointed members only: one who withdrew from the group since the meeting no longer does.
 * The {@link Deliberation} decides the rest.
 */
@Component
class Deliberations {

    private final CommandDispatcher commands;
    private final Repository<Meeting> meetings;
    private final Repository<ProjectIdea> ideas;
    private final Repository<ProblemReport> reports;
    private final GroupDirectory group;
    private final Clock clock;

    Deliberations(CommandDispatcher commands, @Qualifier("meetingRepository") Repository<Meeting> meetings,
            @Qualifier("projectIdeaRepository") Repository<ProjectIdea> ideas,
            @Qualifier("problemReportRepository") Repository<ProblemReport> reports, GroupDirectory group, Clock clock) {
        this.commands = commands;
        this.group = group;
        this.meetings = meetings;
        this.ideas = ideas;
        this.reports = reports;
        this.clock = clock;
    }

    /** The agenda item's own idea or report is answered too; {@code projectIdeas} and {@code problemReports} add more. */
    void putDraft(DeliberationId id, MeetingId meetingId, AgendaItemId agendaItemId, String text, Set<PolicyField> policyFields,
            List<String> projectIdeas, List<String> problemReports, String putBy) {
        Meeting.MeetingFacts meeting = AggregateReader.read(meetings, meetingId.value(), Meeting::facts)
                .orElseThrow(() -> invalid("meetingId", "no meeting '" + meetingId + "'"));
        if (meeting.status() != MeetingStatus.HELD) {
            throw Refusal.conflict("meetingId", "Consensus is recorded for a held meeting; this one is " + meeting.status() + ".");
        }
        AgendaTopic topic = meeting.agenda().get(agendaItemId);
        if (topic == null) {
            throw invalid("agendaItemId", "no agenda item '" + agendaItemId + "' in this meeting");
        }
        Set<String> answeredIdeas = new LinkedHashSet<>();
        Set<String> answeredReports = new LinkedHashSet<>();
        if (topic.kind() == AgendaTopicKind.PROJECT_IDEA) {
            answeredIdeas.add(topic.referenceId());
        } else if (topic.kind() == AgendaTopicKind.PROBLEM_REPORT) {
            answeredReports.add(topic.referenceId());
        }
        answeredIdeas.addAll(projectIdeas);
        answeredReports.addAll(problemReports);
        for (String idea : answeredIdeas) {
            if (!AggregateReader.read(ideas, idea, ProjectIdea::isOpen).orElse(false)) {
                throw invalid("projectIdeas", "no open project idea '" + idea + "'");
            }
        }
        for (String report : answeredReports) {
            if (!AggregateReader.read(reports, report, ProblemReport::isOpen).orElse(false)) {
                throw invalid("problemReports", "no open problem report '" + report + "'");
            }
        }
        commands.send(new PutDraftRecommendation(id, meetingId, agendaItemId, text, policyFields,
                answeredIdeas.stream().map(ProjectIdeaId::new).toList(), answeredReports.stream().map(ProblemReportId::new).toList(),
                meeting.attendees(), meeting.guestsPresent(), putBy, clock.instant()));
    }

    void object(DeliberationId id, ObjectionId objection, MemberId member, String reason) {
        group.requireMember(member);
        commands.send(new RaiseObjection(id, objection, member, reason, clock.instant()));
    }

    void withdrawObjection(DeliberationId id, ObjectionId objection, MemberId member, String note) {
        group.requireMember(member);
        commands.send(new WithdrawObjection(id, objection, member, note, clock.instant()));
    }
}
