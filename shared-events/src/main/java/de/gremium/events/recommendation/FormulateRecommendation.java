package de.gremium.events.recommendation;

import de.gremium.events.PolicyField;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.problem.ProblemReportId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the consensus policy when consensus was recorded. */
public record FormulateRecommendation(@TargetAggregateIdentifier RecommendationId recommendationId, DeliberationId deliberationId, MeetingId meetingId, AgendaItemId agendaItemId, String text, Set<PolicyField> policyFields, List<ProjectIdeaId> projectIdeas, List<ProblemReportId> problemReports, String formulatedBy, Instant formulatedAt) {
}
