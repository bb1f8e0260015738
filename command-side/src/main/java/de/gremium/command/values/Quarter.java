package de.gremium.command.values;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A quarter of a year: the group has one regular meeting in each, dates it within it, and the monitoring counts
 * periods in it ({@code 2025-Q3}). The one place where a quarter becomes days and a day becomes a quarter.
 */
public record Quarter(int year, int number) {

    public Quarter {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("a quarter is 1 to 4, not " + number);
        }
    }

    /** The quarter {@code day} lies in. */
    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** The quarter {@code instant} lies in, where the clocks show {@code zone}. */
    public static Quarter of(Instant instant, ZoneId zone) {
        return of(instant.atZone(zone).toLocalDate());
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, 3 * number - 2, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    /** As the group writes it: {@code 2026 Q4}. */
    @Override
    public String toString() {
        return year + " Q" + number;
    }
}
