package de.gremium.events.group;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AppointMember(@TargetAggregateIdentifier GroupId groupId, MemberId memberId, String name, String unit,
        String appointedBy, Instant appointedAt, String email) {
}
