package de.gremium.command.consensus;

import de.gremium.command.messaging.PolicyCommands;
import de.gremium.events.consensus.ConsensusRecorded;
import de.gremium.events.idea.MarkProjectIdeaRecommended;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.problem.MarkProblemReportAddressed;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.recommendation.FormulateRecommendation;
import de.gremium.events.recommendation.RecommendationFormulated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * A consensus produces a recommendation to the Lord Mayor; a recommendation moves the ideas it
 * answers to "recommended" and the problem reports to "addressed". Subscribing, like the meeting
 * policies: it acts in the causing command's thread and never replays.
 */
@Component
@ProcessingGroup(PolicyCommands.PROCESSING_GROUP)
class ConsensusPolicies {

    private final PolicyCommands commands;

    ConsensusPolicies(PolicyCommands commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(ConsensusRecorded event, EventMessage<?> message) {
        commands.send(new FormulateRecommendation(event.recommendationId(),
                event.deliberationId(), event.meetingId(), event.agendaItemId(), event.text(), event.policyFields(),
                event.projectIdeas(), event.problemReports(), event.recordedBy(), event.recordedAt()), message);
    }

    @EventHandler
    void on(RecommendationFormulated event, EventMessage<?> message) {
        for (ProjectIdeaId idea : event.projectIdeas()) {
            commands.send(new MarkProjectIdeaRecommended(idea, event.recommendationId(),
                    event.formulatedBy(), event.formulatedAt()), message);
        }
        for (ProblemReportId report : event.problemReports()) {
            commands.send(new MarkProblemReportAddressed(report, event.recommendationId(),
                    event.formulatedBy(), event.formulatedAt()), message);
        }
    }
}
