package de.gremium.events.consensus;

import de.gremium.events.group.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member present objects. */
public record RaiseObjection(@TargetAggregateIdentifier DeliberationId deliberationId, ObjectionId objectionId, MemberId memberId, String reason, Instant raisedAt) {
}
