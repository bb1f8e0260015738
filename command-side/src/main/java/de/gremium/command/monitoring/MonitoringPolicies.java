package de.gremium.command.monitoring;

import de.gremium.command.messaging.PolicyCommands;
import de.gremium.events.monitoring.MeasureAdopted;
import de.gremium.events.monitoring.MeasureId;
import de.gremium.events.monitoring.ObservationsRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * The monitoring evaluates a measure when it is adopted (observations may exist already) and whenever
 * observations are recorded for an indicator it aims at, at the instant of the causing event, so the
 * verdict's change names that event as its cause. Subscribing, like the meeting policies: it acts in the
 * causing command's thread and never replays.
 */
@Component
@ProcessingGroup(PolicyCommands.PROCESSING_GROUP)
class MonitoringPolicies {

    private final PolicyCommands commands;
    private final MeasureEvaluations evaluations;
    private final MeasuresByIndicator measures;

    MonitoringPolicies(PolicyCommands commands, MeasureEvaluations evaluations, MeasuresByIndicator measures) {
        this.commands = commands;
        this.evaluations = evaluations;
        this.measures = measures;
    }

    @EventHandler
    void on(MeasureAdopted event, EventMessage<?> message) {
        measures.record(event);
        commands.send(evaluations.of(event.measureId(), event.targets(), event.adoptedBy(), event.adoptedAt()), message);
    }

    @EventHandler
    void on(ObservationsRecorded event, EventMessage<?> message) {
        for (MeasureId measure : measures.aimingAt(event.indicatorId())) {
            evaluations.of(measure, event.recordedBy(), event.recordedAt()).ifPresent(command -> commands.send(command, message));
        }
    }
}
