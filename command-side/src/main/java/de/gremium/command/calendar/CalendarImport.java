package de.gremium.command.calendar;

import de.gremium.events.calendar.BlockedAppointment;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one read of a source found, before it is compared with what the lookup already holds.
 *
 * @param upserted           appointments the source lists (new, changed or unchanged)
 * @param removedExternalIds appointments that are gone: cancelled, deleted, past, or (ICS) no longer listed
 * @param modifiedUntil      the newest OParl {@code modified} seen, null when none (always null for ICS)
 * @param notKept            entries of the source that did not become appointments, counted by reason (in the
 *                           order of {@link NotKept}; reasons that did not occur are left out)
 * @param keptFrom           the start of the window kept: appointments that ended before it are not kept
 * @param keptUntil          the end of the window kept (ICS), null when it is open (OParl)
 */
record CalendarImport(String source, List<BlockedAppointment> upserted, List<String> removedExternalIds,
        Instant modifiedUntil, Map<NotKept, Integer> notKept, Instant keptFrom, Instant keptUntil) {

    /** The reasons counted as {@link #skipped()}: entries that could not be placed in time at all. */
    static final Set<NotKept> SKIPPED = Set.of(NotKept.NO_ID, NotKept.NO_START, NotKept.OUTSIDE_DATE_RANGE);

    CalendarImport {
        upserted = List.copyOf(upserted);
        removedExternalIds = List.copyOf(removedExternalIds);
        EnumMap<NotKept, Integer> counted = new EnumMap<>(NotKept.class);
        notKept.forEach((reason, count) -> {
            if (count > 0) {
                counted.put(reason, count);
            }
        });
        notKept = Collections.unmodifiableMap(counted);
    }

    /** Entries that could not be placed in time (no id, no start, a date outside 1900 to 2200) and were left out. */
    int skipped() {
        return notKept.entrySet().stream().filter(e -> SKIPPED.contains(e.getKey())).mapToInt(Map.Entry::getValue).sum();
    }

    /** Counts of what a read did not keep, by reason. */
    static final class Tally {

        private final EnumMap<NotKept, Integer> counts = new EnumMap<>(NotKept.class);

        void count(NotKept reason) {
            counts.merge(reason, 1, Integer::sum);
        }

        void add(Tally other) {
            other.counts.forEach((reason, count) -> counts.merge(reason, count, Integer::sum));
        }

        Map<NotKept, Integer> counts() {
            return counts;
        }
    }
}
