package de.gremium.query.monitoring;

import de.gremium.events.Quarter;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The periods observations are recorded for, and their order. A period is a year ({@code 2025}), a
 * quarter ({@code 2025-Q3}) or a month ({@code 2025-07}), the forms the command side accepts. Periods
 * are ordered by their first day; of two that start on the same day the longer comes first
 * ({@code 2025} &lt; {@code 2025-Q1} &lt; {@code 2025-01} &lt; {@code 2025-Q3} &lt; {@code 2025-07}), so
 * that a series whose frequency was revised still reads as a time line. A text in none of these forms
 * comes after all periods, ordered by the text.
 */
final class Periods {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

    /** Period texts in time order (see the class comment). */
    static final Comparator<String> ORDER = Comparator
            .comparing((String text) -> span(text).orElse(null), Comparator.nullsLast(Comparator
                    .comparing(Span::start).thenComparing(Comparator.comparingInt(Span::months).reversed())))
            .thenComparing(Comparator.naturalOrder());

    private Periods() {
    }

    /** When the period starts and how many months it covers. */
    record Span(LocalDate start, int months) {
    }

    static Optional<Span> span(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m;
        if ((m = YEAR.matcher(text)).matches()) {
            return Optional.of(new Span(LocalDate.of(year(m), 1, 1), 12));
        }
        Optional<Quarter> quarter = Quarter.parse(text);
        if (quarter.isPresent()) {
            return Optional.of(new Span(quarter.get().firstDay(), 3));
        }
        if ((m = MONTH.matcher(text)).matches()) {
            return Optional.of(new Span(LocalDate.of(year(m), Integer.parseInt(m.group(2)), 1), 1));
        }
        return Optional.empty();
    }

    private static int year(Matcher m) {
        return Integer.parseInt(m.group(1));
    }
}
