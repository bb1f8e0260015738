package de.gremium.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quarter of a year: the group has one regular meeting in each and dates it within it, and the monitoring records
 * observations for it ({@code 2025-Q3}). The one place where a quarter becomes days and a day becomes a quarter, for
 * both sides.
 */
public record Quarter(int year, int number) {

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})-Q([1-4])");

    public Quarter {
        if (!isNumber(number)) {
            throw new IllegalArgumentException("a quarter is 1 to 4, not " + number);
        }
    }

    /** Whether {@code number} names a quarter (1 to 4). */
    public static boolean isNumber(int number) {
        return number >= 1 && number <= 4;
    }

    /** The quarter {@code day} lies in. */
    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** The quarter {@code instant} lies in, where the clocks show {@code zone}. */
    public static Quarter of(Instant instant, ZoneId zone) {
        return of(instant.atZone(zone).toLocalDate());
    }

    /** The quarter an observation period names as the monitoring writes it ({@code 2025-Q3}), or empty. */
    public static Optional<Quarter> parse(String period) {
        Matcher m = period == null ? null : PERIOD.matcher(period);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, 3 * number - 2, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    /** The first day of the next quarter: the end of this one, exclusive. */
    public LocalDate endExclusive() {
        return firstDay().plusMonths(3);
    }

    /** As the group writes it: {@code 2026 Q4}. */
    @Override
    public String toString() {
        return year + " Q" + number;
    }
}
