package de.gremium.events.consensus;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Amend the draft to resolve objections. */
public record AmendDraft(@TargetAggregateIdentifier DeliberationId deliberationId, String text, List<ObjectionId> resolves, String amendedBy, Instant amendedAt) {
}
