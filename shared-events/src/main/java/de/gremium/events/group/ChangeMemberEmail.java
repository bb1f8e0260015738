package de.gremium.events.group;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a member's new e-mail address (the member themself or the coordinator); null removes it. */
public record ChangeMemberEmail(@TargetAggregateIdentifier GroupId groupId, MemberId memberId, String email, String changedBy,
        Instant changedAt) {
}
