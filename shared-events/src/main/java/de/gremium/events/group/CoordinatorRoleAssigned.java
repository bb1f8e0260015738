package de.gremium.events.group;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** This member now holds the coordinator role (the previous holder, if any, no longer does). */
@Revision("1")
public record CoordinatorRoleAssigned(GroupId groupId, MemberId memberId, String assignedBy, Instant assignedAt)
        implements GroupEvent {

    @Override
    public String actor() {
        return assignedBy;
    }

    @Override
    public Instant occurredAt() {
        return assignedAt;
    }
}
