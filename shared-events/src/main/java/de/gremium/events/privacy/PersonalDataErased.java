package de.gremium.events.privacy;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A person's key was deleted: everything stored about them (names, e-mail, the text they wrote, their user id) can
 * no longer be read and shows as a neutral placeholder. Deliberately names no one.
 */
@Revision("1")
public record PersonalDataErased(ErasureId erasureId, Instant erasedAt) implements PrivacyEvent {

    @Override
    public Instant occurredAt() {
        return erasedAt;
    }
}
