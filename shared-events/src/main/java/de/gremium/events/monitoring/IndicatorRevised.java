package de.gremium.events.monitoring;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An indicator's definition was revised. */
@Revision("1")
public record IndicatorRevised(IndicatorId indicatorId, IndicatorDefinition definition, String revisedBy, Instant revisedAt) implements IndicatorEvent {

    @Override
    public String actor() {
        return revisedBy;
    }

    @Override
    public Instant occurredAt() {
        return revisedAt;
    }
}
