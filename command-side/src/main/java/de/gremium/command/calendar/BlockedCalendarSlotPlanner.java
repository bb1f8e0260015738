package de.gremium.command.calendar;

import de.gremium.events.Quarter;
import de.gremium.events.scheduling.CandidateSlot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Plans against the blocked calendar as the command-side lookup holds it (see {@link CandidateSlots}). */
@Component
class BlockedCalendarSlotPlanner implements CandidateSlotPlanner {

    /** Appointments are read with this margin around the planned days, more than any sensible gap. */
    private static final Duration MARGIN = Duration.ofDays(2);

    private final BlockedAppointmentLookup lookup;
    private final Duration minGap;

    BlockedCalendarSlotPlanner(BlockedAppointmentLookup lookup,
            @Value("${gremium.scheduling.min-gap:30m}") Duration minGap) {
        this.lookup = lookup;
        this.minGap = minGap;
    }

    @Override
    public List<CandidateSlot> preferredSlots(Quarter quarter, int durationMinutes) {
        Instant from = GroupTime.startOfDay(quarter.firstDay());
        Instant to = GroupTime.startOfDay(quarter.endExclusive());
        return slotsAround(from, to).preferred(quarter, durationMinutes);
    }

    @Override
    public CandidateSlot check(Instant start, int durationMinutes) {
        return slotsAround(start, start.plus(Duration.ofMinutes(Math.max(durationMinutes, 0)))).check(start, durationMinutes);
    }

    private CandidateSlots slotsAround(Instant from, Instant to) {
        Duration margin = MARGIN.plus(minGap);
        return new CandidateSlots(lookup.overlapping(from.minus(margin), to.plus(margin)), GroupTime.ZONE, minGap);
    }
}
