package de.gremium.events.idea;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the consensus policy. */
public record MarkProjectIdeaRecommended(@TargetAggregateIdentifier ProjectIdeaId ideaId, String recommendationId, String recordedBy, Instant recommendedAt) {
}
