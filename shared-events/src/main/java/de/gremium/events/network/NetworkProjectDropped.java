package de.gremium.events.network;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The project was dropped. */
@Revision("1")
public record NetworkProjectDropped(NetworkProjectId projectId, String reason, @PersonalData String recordedBy, Instant recordedAt) implements NetworkProjectEvent {

    @Override
    public String actor() {
        return recordedBy;
    }

    @Override
    public Instant occurredAt() {
        return recordedAt;
    }
}
