package de.gremium.events.idea;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw an idea that is not yet decided (its proposer, or the coordinator). */
public record WithdrawProjectIdea(@TargetAggregateIdentifier ProjectIdeaId ideaId, String reason, String withdrawnBy, boolean withdrawnByCoordinator, Instant withdrawnAt) {
}
