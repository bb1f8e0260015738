package de.gremium.events.privacy;

import de.gremium.events.group.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erase everything stored about a person by deleting their keys (a command: never stored, so it may name them). */
public record ErasePersonalData(@TargetAggregateIdentifier ErasureId erasureId, MemberId person, String erasedBy,
        Instant erasedAt) {
}
