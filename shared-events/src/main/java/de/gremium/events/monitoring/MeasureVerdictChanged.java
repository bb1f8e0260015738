package de.gremium.events.monitoring;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The monitoring's verdict on the measure changed, and why (the observation it rests on). */
@Revision("1")
public record MeasureVerdictChanged(MeasureId measureId, MeasureVerdict verdict, MeasureVerdict previous, String basis, @PersonalData String evaluatedBy, Instant evaluatedAt) implements MeasureEvent {

    @Override
    public String actor() {
        return evaluatedBy;
    }

    @Override
    public Instant occurredAt() {
        return evaluatedAt;
    }
}
