package de.gremium.events.consensus;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A guest commented (guests cannot object). */
@Revision("1")
public record GuestCommented(DeliberationId deliberationId, String guestId, String comment, String recordedBy, Instant commentedAt) implements DeliberationEvent {

    @Override
    public String actor() {
        return recordedBy;
    }

    @Override
    public Instant occurredAt() {
        return commentedAt;
    }
}
