package de.gremium.events.group;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member's e-mail address for notifications changed (null: none any more). */
@Revision("1")
public record MemberEmailChanged(GroupId groupId, @PersonalData MemberId memberId, @PersonalData(of = "memberId") String email,
        @PersonalData String changedBy, Instant changedAt) implements GroupEvent {

    @Override
    public String actor() {
        return changedBy;
    }

    @Override
    public Instant occurredAt() {
        return changedAt;
    }
}
