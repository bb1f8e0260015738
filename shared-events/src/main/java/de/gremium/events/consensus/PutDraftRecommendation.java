package de.gremium.events.consensus;

import de.gremium.events.PolicyField;
import de.gremium.events.group.MemberId;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.GuestId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.problem.ProblemReportId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Put a draft to the group; attendance comes from the held meeting (resolved at the edge). */
public record PutDraftRecommendation(@TargetAggregateIdentifier DeliberationId deliberationId, MeetingId meetingId, AgendaItemId agendaItemId, String text, Set<PolicyField> policyFields, List<ProjectIdeaId> projectIdeas, List<ProblemReportId> problemReports, List<MemberId> membersPresent, List<GuestId> guestsPresent, String putBy, Instant putAt) {
}
