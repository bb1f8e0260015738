package de.gremium.command.monitoring;

import de.gremium.command.messaging.AggregateReader;
import de.gremium.command.messaging.CommandDispatcher;
import de.gremium.command.recommendation.Recommendation;
import de.gremium.events.monitoring.AdoptMeasure;
import de.gremium.events.monitoring.EvaluateMeasure;
import de.gremium.events.monitoring.IndicatorDefinition;
import de.gremium.events.monitoring.IndicatorId;
import de.gremium.events.monitoring.MeasureId;
import de.gremium.events.monitoring.MeasureTarget;
import de.gremium.events.monitoring.MeasureVerdict;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.platform.refusal.FieldError;
import de.gremium.platform.refusal.Refusal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The measure commands with the facts they need: the recommendation a measure follows exists, every target fits its
 * indicator (all problems at once), and the latest observation of each target for an evaluation. The {@link Measure}
 * decides the rest.
 */
@Component
class Measures {

    private final CommandDispatcher commands;
    private final Repository<Indicator> indicators;
    private final Repository<Recommendation> recommendations;
    private final MeasureEvaluations evaluations;
    private final Clock clock;

    Measures(CommandDispatcher commands, @Qualifier("indicatorRepository") Repository<Indicator> indicators,
            @Qualifier("recommendationRepository") Repository<Recommendation> recommendations, MeasureEvaluations evaluations,
            Clock clock) {
        this.commands = commands;
        this.indicators = indicators;
        this.recommendations = recommendations;
        this.evaluations = evaluations;
        this.clock = clock;
    }

    void adopt(MeasureId id, RecommendationId recommendationId, String title, List<MeasureTarget> targets, String adoptedBy) {
        if (AggregateReader.read(recommendations, recommendationId.value(), recommendation -> Boolean.TRUE).isEmpty()) {
            throw Refusal.invalid("recommendationId", "no recommendation '" + recommendationId + "'");
        }
        List<FieldError> errors = targetsFitTheirIndicators(targets);
        if (!errors.isEmpty()) {
            throw Refusal.invalid("The targets do not fit their indicators.", errors);
        }
        commands.send(new AdoptMeasure(id, recommendationId, title, targets, adoptedBy, clock.instant()));
    }

    /** Evaluates the measure on the latest observations now; its verdict as it stands. */
    MeasureVerdict evaluate(MeasureId id, String evaluatedBy) {
        EvaluateMeasure command = evaluations.of(id, evaluatedBy, clock.instant())
                .orElseThrow(() -> Refusal.notFound("The measure " + id));
        return commands.send(command);
    }

    /** Defined indicators, breakdowns they allow, a baseline period of their frequency, values in their range. */
    private List<FieldError> targetsFitTheirIndicators(List<MeasureTarget> targets) {
        List<FieldError> errors = new ArrayList<>();
        Map<IndicatorId, Optional<IndicatorDefinition>> read = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            MeasureTarget target = targets.get(i);
            String at = "targets[" + i + "].";
            Optional<IndicatorDefinition> definition = read.computeIfAbsent(target.indicatorId(),
                    id -> AggregateReader.read(indicators, id.value(), indicator -> indicator.facts().definition()));
            if (definition.isEmpty()) {
                errors.add(new FieldError(at + "indicatorId", "no indicator '" + target.indicatorId() + "'"));
                continue;
            }
            List<ObservationRules.Problem> problems = new ArrayList<>(
                    ObservationRules.breakdownFits(definition.get(), target.breakdown()));
            ObservationRules.periodFits(definition.get(), target.baselinePeriod())
                    .map(ObservationRules.Problem::reason)
                    .or(() -> Period.parse(target.baselinePeriod()).flatMap(Period::outOfBounds))
                    .map(reason -> new ObservationRules.Problem("baselinePeriod", reason)).ifPresent(problems::add);
            ObservationRules.valueFits(definition.get(), target.baseline(), "baseline").ifPresent(problems::add);
            ObservationRules.valueFits(definition.get(), target.target(), "target").ifPresent(problems::add);
            problems.forEach(problem -> errors.add(new FieldError(at + problem.field(), problem.reason())));
        }
        return errors;
    }
}
