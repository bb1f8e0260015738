package de.gremium.events.network;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the project was completed. */
public record CompleteNetworkProject(@TargetAggregateIdentifier NetworkProjectId projectId, String summary, LocalDate completedOn, String recordedBy, Instant recordedAt) {
}
