package de.gremium.events.group;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A person was appointed to the group on behalf of a unit. */
@Revision("1")
public record MemberAppointed(GroupId groupId, MemberId memberId, String name, String unit, String appointedBy,
        Instant appointedAt) implements GroupEvent {

    @Override
    public String actor() {
        return appointedBy;
    }

    @Override
    public Instant occurredAt() {
        return appointedAt;
    }
}
