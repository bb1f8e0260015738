package de.gremium.events.group;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ConstituteGroup(@TargetAggregateIdentifier GroupId groupId, String name, List<Department> departments,
        String constitutedBy, Instant constitutedAt) {
}
