package de.gremium.events.group;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An organisational unit no longer takes part; its history stays. */
@Revision("1")
public record UnitRetired(GroupId groupId, String unit, String reason, String retiredBy, Instant retiredAt)
        implements GroupEvent {

    @Override
    public String actor() {
        return retiredBy;
    }

    @Override
    public Instant occurredAt() {
        return retiredAt;
    }
}
