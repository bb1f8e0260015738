package de.gremium.events.group;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawMember(@TargetAggregateIdentifier GroupId groupId, MemberId memberId, String reason,
        String withdrawnBy, Instant withdrawnAt) {
}
