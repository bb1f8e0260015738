package de.gremium.command.calendar;

import de.gremium.events.Quarter;
import de.gremium.events.scheduling.CandidateSlot;
import java.time.Instant;
import java.util.List;

/**
 * Proposes meeting dates for joint scheduling and checks them against the blocked calendar (council,
 * committee and service meetings). Times are Europe/Berlin, daylight saving included.
 */
public interface CandidateSlotPlanner {

    /**
     * The preferred slots of a quarter: every Wednesday, starting 13:00 so that the meeting ends by
     * 15:30 at the latest. Candidates that clash with a blocked appointment, or come closer to one
     * than the configured gap, are left out.
     */
    List<CandidateSlot> preferredSlots(Quarter quarter, int durationMinutes);

    /**
     * A slot the coordinator chose: kept, but flagged — {@code withinPreferredWindow} false outside
     * Wednesday 13:00–15:30, and {@code conflicts} naming every blocked appointment it clashes with
     * or comes too close to.
     */
    CandidateSlot check(Instant start, int durationMinutes);
}
