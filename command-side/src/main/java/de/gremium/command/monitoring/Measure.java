package de.gremium.command.monitoring;

import static de.gremium.platform.refusal.Refusal.invalid;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.gremium.command.values.TextKind;
import de.gremium.events.monitoring.AdoptMeasure;
import de.gremium.events.monitoring.EvaluateMeasure;
import de.gremium.events.monitoring.MeasureAdopted;
import de.gremium.events.monitoring.MeasureId;
import de.gremium.events.monitoring.MeasureTarget;
import de.gremium.events.monitoring.MeasureVerdict;
import de.gremium.events.monitoring.MeasureVerdictChanged;
import de.gremium.events.monitoring.Observation;
import de.gremium.events.recommendation.RecommendationId;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A project adopted after a recommendation, with targets on indicators. Its verdict starts as
 * {@code NOT_MEASURABLE_YET} without an event of its own (MeasureAdopted implies it); every change of
 * the verdict is an event naming the observations it rests on, so success or failure is traceable.
 */
@Aggregate(cache = "aggregateCache")
public class Measure {

    @AggregateIdentifier
    private MeasureId measureId;
    private RecommendationId recommendationId;
    private List<MeasureTarget> targets;
    private MeasureVerdict verdict;

    protected Measure() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Measure(AdoptMeasure command) {
        TextKind.REFERENCE.require("recommendationId", command.recommendationId() == null ? null : command.recommendationId().value());
        TextKind.TITLE.require("title", command.title());
        MeasureRules.targets(command.targets());
        apply(new MeasureAdopted(command.measureId(), command.recommendationId(), command.title(), command.targets(),
                command.adoptedBy(), command.adoptedAt()));
    }

    /** Answers the verdict as it stands after the evaluation; records an event only when it changed. */
    @CommandHandler
    MeasureVerdict handle(EvaluateMeasure command) {
        if (command.evaluatedAt() == null) {
            throw invalid("evaluatedAt", "an evaluation happens at an instant");
        }
        Map<String, Observation> latest = command.latestByTarget() == null ? Map.of() : command.latestByTarget();
        MeasureRules.observationsFitTheTargets(targets, latest);
        MeasureVerdicts.Evaluation evaluation = MeasureVerdicts.evaluate(targets, latest, command.evaluatedAt());
        if (evaluation.verdict() != verdict) {
            apply(new MeasureVerdictChanged(measureId, evaluation.verdict(), verdict, evaluation.basis(), command.evaluatedBy(),
                    command.evaluatedAt()));
        }
        return evaluation.verdict();
    }

    @EventSourcingHandler
    void on(MeasureAdopted event) {
        measureId = event.measureId();
        recommendationId = event.recommendationId();
        targets = event.targets();
        verdict = MeasureVerdict.NOT_MEASURABLE_YET;
    }

    @EventSourcingHandler
    void on(MeasureVerdictChanged event) {
        verdict = event.verdict();
    }

    /** Facts for other edges: the evaluation reads the targets, to find the latest observation of each. */
    public MeasureFacts facts() {
        return new MeasureFacts(measureId, recommendationId, targets, verdict);
    }

    public record MeasureFacts(MeasureId measureId, RecommendationId recommendationId, List<MeasureTarget> targets,
            MeasureVerdict verdict) {
    }
}
