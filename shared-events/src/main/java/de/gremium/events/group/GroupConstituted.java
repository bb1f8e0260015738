package de.gremium.events.group;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The group was constituted with its departments and units as the rules of procedure list them. */
@Revision("1")
public record GroupConstituted(GroupId groupId, String name, List<Department> departments, @PersonalData String constitutedBy,
        Instant constitutedAt) implements GroupEvent {

    public GroupConstituted {
        departments = List.copyOf(departments);
    }

    @Override
    public String actor() {
        return constitutedBy;
    }

    @Override
    public Instant occurredAt() {
        return constitutedAt;
    }
}
