package de.gremium.events.group;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A person was appointed to the group on behalf of a unit; {@code email} (revision 2) for notifications, null if none. */
@Revision("2")
public record MemberAppointed(GroupId groupId, @PersonalData MemberId memberId, @PersonalData(of = "memberId") String name, String unit, @PersonalData String appointedBy,
        Instant appointedAt, @PersonalData(of = "memberId") String email) implements GroupEvent {

    @Override
    public String actor() {
        return appointedBy;
    }

    @Override
    public Instant occurredAt() {
        return appointedAt;
    }
}
