package de.gremium.events.consensus;

import de.gremium.events.group.MemberId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The author withdrew their objection. */
@Revision("1")
public record ObjectionWithdrawn(DeliberationId deliberationId, ObjectionId objectionId, MemberId memberId, String note, Instant withdrawnAt) implements DeliberationEvent {

    @Override
    public String actor() {
        return memberId.value();
    }

    @Override
    public Instant occurredAt() {
        return withdrawnAt;
    }
}
