package de.gremium.events.consensus;

import de.gremium.events.group.MemberId;
import de.gremium.events.links.LinksToObjection;
import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member present raised an objection, with a reason. */
@Revision("1")
public record ObjectionRaised(DeliberationId deliberationId, ObjectionId objectionId, @PersonalData MemberId memberId, @PersonalData(of = "memberId", text = true) String reason, Instant raisedAt) implements DeliberationEvent, LinksToObjection {

    @Override
    public String actor() {
        return memberId.value();
    }

    @Override
    public Instant occurredAt() {
        return raisedAt;
    }
}
