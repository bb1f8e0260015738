package de.gremium.events.group;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RetireUnit(@TargetAggregateIdentifier GroupId groupId, String unit, String reason, String retiredBy,
        Instant retiredAt) {
}
