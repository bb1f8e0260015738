package de.gremium.events.network;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The project was completed. */
@Revision("1")
public record NetworkProjectCompleted(NetworkProjectId projectId, String summary, LocalDate completedOn, @PersonalData String recordedBy, Instant recordedAt) implements NetworkProjectEvent {

    @Override
    public String actor() {
        return recordedBy;
    }

    @Override
    public Instant occurredAt() {
        return recordedAt;
    }
}
