package de.gremium.platform.web;

import de.gremium.platform.refusal.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * The time a date the API accepts may lie in: the years 1900 to 2200. The JDK reads years up to
 * ±999,999,999, but nothing the group records lies centuries away, and converting such a value (to
 * Berlin time, a day or a meeting's length later) fails with an exception that the caller never
 * caused. So every date, date-time and instant is checked here, where it enters: request bodies by
 * {@link TemporalBoundsModule}, query and path parameters by {@link TemporalParameterBounds}, and the
 * values an endpoint parses itself (CSV periods, calendar files, audit filters) by calling
 * {@link #require} or {@link #problem} where it parses them. See docs/api-errors.md.
 *
 * <p>A date, a local date-time, a month or a year is checked by its year. An instant, and a date-time
 * with an offset or a zone, is checked as the instant it names: from {@link #EARLIEST} to
 * {@link #LATEST}, the years 1900 to 2200 in UTC. Times of day without a date are not bounded.
 */
public final class TemporalBounds {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;
    /** 1900-01-01T00:00:00Z */
    public static final Instant EARLIEST = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    /** 2200-12-31T23:59:59.999999999Z */
    public static final Instant LATEST = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant()
            .minusNanos(1);
    /** How the range reads in a refusal. */
    public static final String RANGE = "the years " + FIRST_YEAR + " to " + LAST_YEAR;

    private static final Set<Class<?>> BOUNDED = Set.of(LocalDate.class, LocalDateTime.class, YearMonth.class, Year.class,
            Instant.class, OffsetDateTime.class, ZonedDateTime.class);

    private TemporalBounds() {
    }

    /** Whether values of {@code type} are checked here. */
    public static boolean isBounded(Class<?> type) {
        return BOUNDED.contains(type);
    }

    /**
     * Why {@code value} lies outside the bounds, or empty when it lies within, is null or is of a type
     * that is not bounded (whether a value is required is another rule's business).
     */
    public static Optional<String> problem(Object value) {
        if (value instanceof LocalDate date) {
            return yearProblem(value, date.getYear());
        }
        if (value instanceof LocalDateTime dateTime) {
            return yearProblem(value, dateTime.getYear());
        }
        if (value instanceof YearMonth month) {
            return yearProblem(value, month.getYear());
        }
        if (value instanceof Year year) {
            return yearProblem(value, year.getValue());
        }
        if (value instanceof Instant instant) {
            return instantProblem(value, instant);
        }
        if (value instanceof OffsetDateTime dateTime) {
            return instantProblem(value, dateTime.toInstant());
        }
        if (value instanceof ZonedDateTime dateTime) {
            return instantProblem(value, dateTime.toInstant());
        }
        return Optional.empty();
    }

    /** Why {@code year} lies outside the bounds, for values that arrive as a number or in a text of their own. */
    public static Optional<String> yearProblem(int year) {
        return yearProblem(year, year);
    }

    /** {@code value}, or a 400 {@code validation-failed} naming {@code field} if it lies outside the bounds. */
    public static <T> T require(String field, T value) {
        Optional<String> problem = problem(value);
        if (problem.isPresent()) {
            throw Refusal.invalid(field, problem.get());
        }
        return value;
    }

    private static Optional<String> yearProblem(Object value, int year) {
        if (year >= FIRST_YEAR && year <= LAST_YEAR) {
            return Optional.empty();
        }
        return Optional.of("'" + value + "' lies outside " + RANGE);
    }

    private static Optional<String> instantProblem(Object value, Instant instant) {
        if (!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST)) {
            return Optional.empty();
        }
        return Optional.of("'" + value + "' lies outside " + RANGE + " (UTC)");
    }
}
