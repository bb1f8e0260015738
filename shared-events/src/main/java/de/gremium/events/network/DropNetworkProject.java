package de.gremium.events.network;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the project was dropped. */
public record DropNetworkProject(@TargetAggregateIdentifier NetworkProjectId projectId, String reason, String recordedBy, Instant recordedAt) {
}
