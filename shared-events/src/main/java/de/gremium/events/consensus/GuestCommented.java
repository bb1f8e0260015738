package de.gremium.events.consensus;

import de.gremium.events.meeting.GuestId;
import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A guest commented (guests cannot object). */
@Revision("2")
public record GuestCommented(DeliberationId deliberationId, GuestId guestId, @PersonalData(of = "recordedBy", item = "guestId", text = true) String comment, @PersonalData String recordedBy, Instant commentedAt) implements DeliberationEvent {

    @Override
    public String actor() {
        return recordedBy;
    }

    @Override
    public Instant occurredAt() {
        return commentedAt;
    }
}
