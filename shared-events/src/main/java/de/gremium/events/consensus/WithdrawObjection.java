package de.gremium.events.consensus;

import de.gremium.events.group.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The author withdraws their objection. */
public record WithdrawObjection(@TargetAggregateIdentifier DeliberationId deliberationId, ObjectionId objectionId, MemberId memberId, String note, Instant withdrawnAt) {
}
