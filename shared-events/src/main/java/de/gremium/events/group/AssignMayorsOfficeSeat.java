package de.gremium.events.group;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AssignMayorsOfficeSeat(@TargetAggregateIdentifier GroupId groupId, MemberId memberId, String assignedBy,
        Instant assignedAt) {
}
