package de.gremium.events.consensus;

import de.gremium.events.PolicyField;
import de.gremium.events.group.MemberId;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.links.LinksToAgendaItem;
import de.gremium.events.links.LinksToProblemReports;
import de.gremium.events.links.LinksToProjectIdeas;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.GuestId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.privacy.PersonalData;
import de.gremium.events.problem.ProblemReportId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** In a held meeting, for an agenda item, the coordinator put a draft recommendation to the group; it names who was present and what it answers. */
@Revision("2")
public record DraftRecommendationPut(DeliberationId deliberationId, MeetingId meetingId, AgendaItemId agendaItemId, String text, Set<PolicyField> policyFields, List<ProjectIdeaId> projectIdeas, List<ProblemReportId> problemReports, @PersonalData List<MemberId> membersPresent, List<GuestId> guestsPresent, @PersonalData String putBy, Instant putAt) implements DeliberationEvent, LinksToAgendaItem, LinksToProjectIdeas, LinksToProblemReports {

    public DraftRecommendationPut {
        policyFields = de.gremium.events.PolicyFields.normalised(policyFields);
        projectIdeas = List.copyOf(projectIdeas);
        problemReports = List.copyOf(problemReports);
        membersPresent = List.copyOf(membersPresent);
        guestsPresent = List.copyOf(guestsPresent);
    }

    @Override
    public String actor() {
        return putBy;
    }

    @Override
    public Instant occurredAt() {
        return putAt;
    }
}
