package de.gremium.events.group;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AssignCoordinatorRole(@TargetAggregateIdentifier GroupId groupId, MemberId memberId, String assignedBy,
        Instant assignedAt) {
}
