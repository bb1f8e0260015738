package de.gremium.events.group;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An organisational unit joined the group under a department (which may be new). */
@Revision("1")
public record UnitAdded(GroupId groupId, String department, String unit, @PersonalData String addedBy, Instant addedAt)
        implements GroupEvent {

    @Override
    public String actor() {
        return addedBy;
    }

    @Override
    public Instant occurredAt() {
        return addedAt;
    }
}
