package de.gremium.events.consensus;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record consensus (only with no objection open). */
public record RecordConsensus(@TargetAggregateIdentifier DeliberationId deliberationId, String recommendationId, String recordedBy, Instant recordedAt) {
}
