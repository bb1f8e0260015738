package de.gremium.events.consensus;

import de.gremium.events.meeting.GuestId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a guest's comment. */
public record CommentAsGuest(@TargetAggregateIdentifier DeliberationId deliberationId, GuestId guestId, String comment, String recordedBy, Instant commentedAt) {
}
