package de.gremium.command.calendar;

import de.gremium.events.calendar.BlockedAppointment;
import java.time.Instant;
import java.util.List;

/**
 * What one read of a source found, before it is compared with what the lookup already holds.
 *
 * @param upserted           appointments the source lists (new, changed or unchanged)
 * @param removedExternalIds appointments that are gone: cancelled, deleted, past, or (ICS) no longer listed
 * @param modifiedUntil      the newest OParl {@code modified} seen, null when none (always null for ICS)
 * @param skipped            entries that could not be placed in time (no start) and were left out
 */
record CalendarImport(String source, List<BlockedAppointment> upserted, List<String> removedExternalIds,
        Instant modifiedUntil, int skipped) {

    CalendarImport {
        upserted = List.copyOf(upserted);
        removedExternalIds = List.copyOf(removedExternalIds);
    }
}
