package de.gremium.events.consensus;

import de.gremium.events.links.LinksToObjection;
import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An objection was resolved by the amendment. */
@Revision("1")
public record ObjectionResolved(DeliberationId deliberationId, ObjectionId objectionId, ObjectionOutcome outcome, @PersonalData String resolvedBy, Instant resolvedAt) implements DeliberationEvent, LinksToObjection {

    @Override
    public String actor() {
        return resolvedBy;
    }

    @Override
    public Instant occurredAt() {
        return resolvedAt;
    }
}
