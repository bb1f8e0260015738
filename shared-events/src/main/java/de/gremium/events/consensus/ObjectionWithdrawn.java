package de.gremium.events.consensus;

import de.gremium.events.group.MemberId;
import de.gremium.events.links.LinksToObjection;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The author withdrew their objection. */
@Revision("1")
public record ObjectionWithdrawn(DeliberationId deliberationId, ObjectionId objectionId, MemberId memberId, String note, Instant withdrawnAt) implements DeliberationEvent, LinksToObjection {

    @Override
    public String actor() {
        return memberId.value();
    }

    @Override
    public Instant occurredAt() {
        return withdrawnAt;
    }
}
