package de.gremium.events.consensus;

import de.gremium.events.recommendation.RecommendationId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record consensus (only with no objection open). */
public record RecordConsensus(@TargetAggregateIdentifier DeliberationId deliberationId, RecommendationId recommendationId, String recordedBy, Instant recordedAt) {
}
