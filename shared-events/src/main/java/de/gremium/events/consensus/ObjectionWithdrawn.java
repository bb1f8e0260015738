package de.gremium.events.consensus;

import de.gremium.events.group.MemberId;
import de.gremium.events.links.LinksToObjection;
import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The author withdrew their objection. */
@Revision("1")
public record ObjectionWithdrawn(DeliberationId deliberationId, ObjectionId objectionId, @PersonalData MemberId memberId, @PersonalData(of = "memberId", text = true) String note, Instant withdrawnAt) implements DeliberationEvent, LinksToObjection {

    @Override
    public String actor() {
        return memberId.value();
    }

    @Override
    public Instant occurredAt() {
        return withdrawnAt;
    }
}
