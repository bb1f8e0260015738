package de.gremium.events.monitoring;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revise an indicator's definition. */
public record ReviseIndicator(@TargetAggregateIdentifier IndicatorId indicatorId, IndicatorDefinition definition, String revisedBy, Instant revisedAt) {
}
