package de.gremium.events.idea;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Shelve a discussed idea. */
public record ShelveProjectIdea(@TargetAggregateIdentifier ProjectIdeaId ideaId, String reason, String shelvedBy, Instant shelvedAt) {
}
