package de.gremium.events.group;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddUnit(@TargetAggregateIdentifier GroupId groupId, String department, String unit, String addedBy,
        Instant addedAt) {
}
