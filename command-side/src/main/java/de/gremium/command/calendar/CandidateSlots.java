package de.gremium.command.calendar;

import de.gremium.events.Quarter;
import de.gremium.events.calendar.BlockedAppointment;
import de.gremium.events.scheduling.CandidateSlot;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The planning rules of the rules of procedure, free of Spring and storage: meetings on Wednesday
 * afternoons between 13:00 and 15:30 local time, never clashing with a blocked appointment nor coming
 * closer to one than the minimum gap.
 */
final class CandidateSlots {

    static final DayOfWeek PREFERRED_DAY = DayOfWeek.WEDNESDAY;
    static final LocalTime WINDOW_START = LocalTime.of(13, 0);
    static final LocalTime WINDOW_END = LocalTime.of(15, 30);

    private final List<BlockedAppointment> appointments;
    private final ZoneId zone;
    private final Duration minGap;

    CandidateSlots(List<BlockedAppointment> appointments, ZoneId zone, Duration minGap) {
        if (minGap.isNegative()) {
            throw new IllegalArgumentException("the minimum gap cannot be negative: " + minGap);
        }
        this.appointments = appointments.stream().sorted(Comparator.comparing(BlockedAppointment::start)).toList();
        this.zone = zone;
        this.minGap = minGap;
    }

    /** Every Wednesday of the quarter at 13:00 that ends by 15:30 and is clear of the blocked calendar. */
    List<CandidateSlot> preferred(Quarter quarter, int durationMinutes) {
        requirePositive(durationMinutes);
        LocalDate first = quarter.firstDay();
        LocalDate last = quarter.lastDay();
        List<CandidateSlot> slots = new ArrayList<>();
        if (durationMinutes > Duration.between(WINDOW_START, WINDOW_END).toMinutes()) {
            return slots;
        }
        for (LocalDate day = first.with(TemporalAdjusters.nextOrSame(PREFERRED_DAY)); !day.isAfter(last); day = day.plusWeeks(1)) {
            CandidateSlot slot = check(day.atTime(WINDOW_START).atZone(zone).toInstant(), durationMinutes);
            if (slot.conflicts().isEmpty()) {
                slots.add(slot);
            }
        }
        return slots;
    }

    /** The slot as given, flagged when it lies outside the preferred window and with every conflict named. */
    CandidateSlot check(Instant start, int durationMinutes) {
        requirePositive(durationMinutes);
        Instant end = start.plus(Duration.ofMinutes(durationMinutes));
        ZonedDateTime localStart = start.atZone(zone);
        List<String> conflicts = new ArrayList<>();
        for (BlockedAppointment appointment : appointments) {
            if (!appointment.start().isBefore(end.plus(minGap))) {
                break; // sorted by start: nothing later can come close
            }
            if (appointment.end().isAfter(start.minus(minGap))) {
                conflicts.add(describe(appointment, start, end, localStart.toLocalDate()));
            }
        }
        return new CandidateSlot(candidateId(localStart), start, end, withinPreferredWindow(localStart, end.atZone(zone)),
                conflicts);
    }

    private String describe(BlockedAppointment appointment, Instant start, Instant end, LocalDate day) {
        String text = GroupTime.describe(appointment, zone, day);
        boolean overlaps = appointment.start().isBefore(end) && appointment.end().isAfter(start);
        return overlaps ? text : text + " (weniger als " + minGap.toMinutes() + " Min. Abstand)";
    }

    static boolean withinPreferredWindow(ZonedDateTime start, ZonedDateTime end) {
        return start.getDayOfWeek() == PREFERRED_DAY
                && end.toLocalDate().equals(start.toLocalDate())
                && !start.toLocalTime().isBefore(WINDOW_START)
                && !end.toLocalTime().isAfter(WINDOW_END);
    }

    /** Deterministic, readable, and unique even in the hour that occurs twice when clocks go back. */
    static String candidateId(ZonedDateTime start) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start);
    }

    private static void requirePositive(int durationMinutes) {
        if (durationMinutes <= 0) {
            throw new IllegalArgumentException("a meeting lasts at least one minute, not " + durationMinutes);
        }
    }
}
