package de.gremium.events.recommendation;

import de.gremium.events.PolicyField;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.links.LinksToAgendaItem;
import de.gremium.events.links.LinksToDeliberation;
import de.gremium.events.links.LinksToProblemReports;
import de.gremium.events.links.LinksToProjectIdeas;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.privacy.PersonalData;
import de.gremium.events.problem.ProblemReportId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** A consensus produced a recommendation addressed to the Lord Mayor (decision preparation). */
@Revision("2")
public record RecommendationFormulated(RecommendationId recommendationId, DeliberationId deliberationId, MeetingId meetingId, AgendaItemId agendaItemId, String text, Set<PolicyField> policyFields, List<ProjectIdeaId> projectIdeas, List<ProblemReportId> problemReports, @PersonalData String formulatedBy, Instant formulatedAt) implements RecommendationEvent, LinksToAgendaItem, LinksToDeliberation, LinksToProjectIdeas, LinksToProblemReports {

    public RecommendationFormulated {
        policyFields = de.gremium.events.PolicyFields.normalised(policyFields);
        projectIdeas = List.copyOf(projectIdeas);
        problemReports = List.copyOf(problemReports);
    }

    @Override
    public String actor() {
        return formulatedBy;
    }

    @Override
    public Instant occurredAt() {
        return formulatedAt;
    }
}
