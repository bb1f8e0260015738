package de.gremium.events.monitoring;

import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Evaluate the measure at an instant on the latest observation of each target, keyed by the target's index in MeasureAdopted.targets ("0", "1", …); a target without an observation is absent. */
public record EvaluateMeasure(@TargetAggregateIdentifier MeasureId measureId, Map<String, Observation> latestByTarget, String evaluatedBy, Instant evaluatedAt) {
}
