package de.gremium.events.consensus;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the group could not agree, with the positions. */
public record RecordNoConsensus(@TargetAggregateIdentifier DeliberationId deliberationId, String positions, String recordedBy, Instant recordedAt) {
}
