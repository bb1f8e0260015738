package de.gremium.events.scheduling;

import java.time.Instant;
import java.util.List;

/** A proposed date; {@code conflicts} name the blocked appointments it clashes with or comes too close to. */
public record CandidateSlot(String candidateId, Instant start, Instant end, boolean withinPreferredWindow, List<String> conflicts) {

    public CandidateSlot {
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }
}
