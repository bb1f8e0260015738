package de.gremium.events.consensus;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a guest's comment. */
public record CommentAsGuest(@TargetAggregateIdentifier DeliberationId deliberationId, String guestId, String comment, String recordedBy, Instant commentedAt) {
}
