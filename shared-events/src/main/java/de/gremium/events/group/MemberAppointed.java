package de.gremium.events.group;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A person was appointed to the group on behalf of a unit. */
@Revision("1")
public record MemberAppointed(GroupId groupId, @PersonalData MemberId memberId, @PersonalData(of = "memberId") String name, String unit, @PersonalData String appointedBy,
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
