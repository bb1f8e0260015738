package de.gremium.events.monitoring;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adopt a measure after a recommendation. */
public record AdoptMeasure(@TargetAggregateIdentifier MeasureId measureId, String recommendationId, String title, List<MeasureTarget> targets, String adoptedBy, Instant adoptedAt) {
}
