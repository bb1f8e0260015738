package de.gremium.events.monitoring;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record observations, all or none. */
public record RecordObservations(@TargetAggregateIdentifier IndicatorId indicatorId, List<Observation> observations, String importId, String source, String recordedBy, Instant recordedAt) {
}
