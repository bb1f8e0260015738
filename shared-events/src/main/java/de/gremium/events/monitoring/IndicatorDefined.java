package de.gremium.events.monitoring;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An indicator was defined. */
@Revision("1")
public record IndicatorDefined(IndicatorId indicatorId, IndicatorDefinition definition, String definedBy, Instant definedAt) implements IndicatorEvent {

    @Override
    public String actor() {
        return definedBy;
    }

    @Override
    public Instant occurredAt() {
        return definedAt;
    }
}
