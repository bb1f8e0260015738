package de.gremium.command.monitoring;

import de.gremium.events.Quarter;
import de.gremium.events.monitoring.Frequency;
import de.gremium.platform.web.TemporalBounds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An observation period as written in the data: {@code 2025} (a year), {@code 2025-Q3} (a quarter),
 * {@code 2025-07} (a month). The text names its own frequency, so periods of any indicator can be
 * compared by their dates: {@code start} is the first day, {@code end} the first day after.
 */
record Period(String text, Frequency frequency, LocalDate start, LocalDate end) {

    /** The group works in Magdeburg: "today" and "the target date has passed" are local dates. */
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

    static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m;
        if ((m = YEAR.matcher(text)).matches()) {
            LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
            return Optional.of(new Period(text, Frequency.YEARLY, start, start.plusYears(1)));
        }
        Optional<Quarter> quarter = Quarter.parse(text);
        if (quarter.isPresent()) {
            return Optional.of(new Period(text, Frequency.QUARTERLY, quarter.get().firstDay(), quarter.get().endExclusive()));
        }
        if ((m = MONTH.matcher(text)).matches()) {
            LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1);
            return Optional.of(new Period(text, Frequency.MONTHLY, start, start.plusMonths(1)));
        }
        return Optional.empty();
    }

    /** How a period of this frequency is written, for messages. */
    static String format(Frequency frequency) {
        return switch (frequency) {
            case YEARLY -> "a year like 2025";
            case QUARTERLY -> "a quarter like 2025-Q3";
            case MONTHLY -> "a month like 2025-07";
        };
    }

    static LocalDate today(Instant at) {
        return at.atZone(ZONE).toLocalDate();
    }

    /** Why the period lies outside the dates the API accepts ({@link TemporalBounds}), or empty when it lies within. */
    Optional<String> outOfBounds() {
        return TemporalBounds.yearProblem(start.getYear()).map(problem -> "'" + text + "' lies outside " + TemporalBounds.RANGE);
    }

    /** Begins when {@code other} has ended, or later. */
    boolean isAfter(Period other) {
        return !start.isBefore(other.end);
    }
}
