package de.gremium.events.recommendation;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the Lord Mayor's decision. */
public record RecordMayorsDecision(@TargetAggregateIdentifier RecommendationId recommendationId, MayorsDecision decision, String reasons, LocalDate reviewDate, String recordedBy, Instant recordedAt) {
}
