package de.gremium.events.group;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An organisational unit no longer takes part; its history stays. */
@Revision("1")
public record UnitRetired(GroupId groupId, String unit, String reason, @PersonalData String retiredBy, Instant retiredAt)
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
