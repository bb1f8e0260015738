package de.gremium.events.idea;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw an idea that is not yet decided. */
public record WithdrawProjectIdea(@TargetAggregateIdentifier ProjectIdeaId ideaId, String reason, String withdrawnBy, Instant withdrawnAt) {
}
