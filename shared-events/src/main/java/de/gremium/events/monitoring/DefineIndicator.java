package de.gremium.events.monitoring;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Define an indicator. */
public record DefineIndicator(@TargetAggregateIdentifier IndicatorId indicatorId, IndicatorDefinition definition, String definedBy, Instant definedAt) {
}
