package de.gremium.events.consensus;

import de.gremium.events.PolicyField;
import de.gremium.events.group.MemberId;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.links.LinksToAgendaItem;
import de.gremium.events.links.LinksToProblemReports;
import de.gremium.events.links.LinksToProjectIdeas;
import de.gremium.events.links.LinksToRecommendation;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.privacy.PersonalData;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.recommendation.RecommendationId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** No objection is open: the group recommends by consensus. Lists who was present and the final text. */
@Revision("2")
public record ConsensusRecorded(DeliberationId deliberationId, RecommendationId recommendationId, MeetingId meetingId, AgendaItemId agendaItemId, String text, Set<PolicyField> policyFields, List<ProjectIdeaId> projectIdeas, List<ProblemReportId> problemReports, @PersonalData List<MemberId> membersPresent, @PersonalData String recordedBy, Instant recordedAt) implements DeliberationEvent, LinksToAgendaItem, LinksToRecommendation, LinksToProjectIdeas, LinksToProblemReports {

    public ConsensusRecorded {
        policyFields = de.gremium.events.PolicyFields.normalised(policyFields);
        projectIdeas = List.copyOf(projectIdeas);
        problemReports = List.copyOf(problemReports);
        membersPresent = List.copyOf(membersPresent);
    }

    @Override
    public String actor() {
        return recordedBy;
    }

    @Override
    public Instant occurredAt() {
        return recordedAt;
    }
}
