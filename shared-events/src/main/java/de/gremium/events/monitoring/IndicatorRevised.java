package de.gremium.events.monitoring;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An indicator's definition was revised. */
@Revision("1")
public record IndicatorRevised(IndicatorId indicatorId, IndicatorDefinition definition, @PersonalData String revisedBy, Instant revisedAt) implements IndicatorEvent {

    @Override
    public String actor() {
        return revisedBy;
    }

    @Override
    public Instant occurredAt() {
        return revisedAt;
    }
}
