package de.gremium.events.group;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** This member now holds the mayor's-office seat (the previous holder, if any, no longer does). */
@Revision("1")
public record MayorsOfficeSeatAssigned(GroupId groupId, @PersonalData MemberId memberId, @PersonalData String assignedBy, Instant assignedAt)
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
