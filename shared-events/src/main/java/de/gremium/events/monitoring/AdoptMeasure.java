package de.gremium.events.monitoring;

import de.gremium.events.recommendation.RecommendationId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adopt a measure after a recommendation. */
public record AdoptMeasure(@TargetAggregateIdentifier MeasureId measureId, RecommendationId recommendationId, String title, List<MeasureTarget> targets, String adoptedBy, Instant adoptedAt) {
}
