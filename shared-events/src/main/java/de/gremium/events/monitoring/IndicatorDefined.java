package de.gremium.events.monitoring;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An indicator was defined. */
@Revision("1")
public record IndicatorDefined(IndicatorId indicatorId, IndicatorDefinition definition, @PersonalData String definedBy, Instant definedAt) implements IndicatorEvent {

    @Override
    public String actor() {
        return definedBy;
    }

    @Override
    public Instant occurredAt() {
        return definedAt;
    }
}
