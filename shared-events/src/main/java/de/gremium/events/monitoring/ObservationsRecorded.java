package de.gremium.events.monitoring;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Observations were recorded (one import of a file, or a single entry). */
@Revision("1")
public record ObservationsRecorded(IndicatorId indicatorId, List<Observation> observations, String importId, String source, @PersonalData String recordedBy, Instant recordedAt) implements IndicatorEvent {

    public ObservationsRecorded {
        observations = List.copyOf(observations);
    }

    @Override
    public String actor() {
        return recordedBy;
    }

    @Override
    public Instant occurredAt() {
        return recordedAt;
    }
}
