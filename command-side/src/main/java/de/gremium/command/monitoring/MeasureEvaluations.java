package de.gremium.command.monitoring;

import de.gremium.command.messaging.AggregateReader;
import de.gremium.events.monitoring.EvaluateMeasure;
import de.gremium.events.monitoring.IndicatorId;
import de.gremium.events.monitoring.MeasureId;
import de.gremium.events.monitoring.MeasureTarget;
import de.gremium.events.monitoring.Observation;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Prepares the evaluation of a measure: the latest observation of each target, read from the indicators
 * themselves (current, never the query side's view). The measure decides; this only gathers.
 */
@Component
class MeasureEvaluations {

    private final Repository<Indicator> indicators;
    private final Repository<Measure> measures;

    MeasureEvaluations(@Qualifier("indicatorRepository") Repository<Indicator> indicators,
            @Qualifier("measureRepository") Repository<Measure> measures) {
        this.indicators = indicators;
        this.measures = measures;
    }

    /** The command for an existing measure, or empty when there is no such measure. */
    Optional<EvaluateMeasure> of(MeasureId measureId, String by, Instant at) {
        return AggregateReader.read(measures, measureId.value(), Measure::facts)
                .map(measure -> of(measureId, measure.targets(), by, at));
    }

    /** The command for a measure with these targets (e.g. the one just adopted). */
    EvaluateMeasure of(MeasureId measureId, List<MeasureTarget> targets, String by, Instant at) {
        Map<IndicatorId, Optional<Indicator.IndicatorFacts>> read = new HashMap<>();
        Map<String, Observation> latest = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            MeasureTarget target = targets.get(i);
            Optional<Observation> observation = read
                    .computeIfAbsent(target.indicatorId(), id -> AggregateReader.read(indicators, id.value(), Indicator::facts))
                    .flatMap(indicator -> indicator.latest(target.breakdown()));
            if (observation.isPresent()) {
                latest.put(String.valueOf(i), observation.get());
            }
        }
        return new EvaluateMeasure(measureId, latest, by, at);
    }
}
