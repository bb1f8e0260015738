package de.gremium.events.group;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member left the group (or was withdrawn by their unit). */
@Revision("1")
public record MemberWithdrew(GroupId groupId, @PersonalData MemberId memberId, @PersonalData(of = "memberId", text = true) String reason, @PersonalData String withdrawnBy, Instant withdrawnAt)
        implements GroupEvent {

    @Override
    public String actor() {
        return withdrawnBy;
    }

    @Override
    public Instant occurredAt() {
        return withdrawnAt;
    }
}
