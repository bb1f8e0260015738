package de.gremium.command.monitoring;

import de.gremium.command.values.TextKind;
import de.gremium.events.monitoring.BreakdownDimension;
import de.gremium.events.monitoring.FigureType;
import de.gremium.events.monitoring.IndicatorDefinition;
import de.gremium.events.monitoring.Observation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * What makes an observation fit its indicator, named once: the aggregate refuses a batch on the first
 * problem, the import edge lists every problem of every row, and a revision must leave every recorded
 * observation fitting.
 */
final class ObservationRules {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final int DIGITS_MAX = 15;
    static final int DECIMALS_MAX = 6;

    /** One problem: the field ({@code period}, {@code breakdown.SEX}, {@code value}, {@code sourceRelease}) and why. */
    record Problem(String field, String reason) {
    }

    /** An observation's identity within its indicator: a later one with the same key replaces it. */
    record Key(String period, Map<BreakdownDimension, String> breakdown) {

        Key {
            breakdown = Map.copyOf(breakdown);
        }

        static Key of(Observation observation) {
            return new Key(observation.period(), observation.breakdown());
        }

        @Override
        public String toString() {
            return period + " (" + describe(breakdown) + ")";
        }
    }

    private ObservationRules() {
    }

    /** Every way the observation does not fit the definition (period, breakdown, value, source release). */
    static List<Problem> problems(IndicatorDefinition definition, Observation observation) {
        List<Problem> problems = new ArrayList<>();
        periodFits(definition, observation.period()).ifPresent(problems::add);
        problems.addAll(breakdownFits(definition, observation.breakdown()));
        valueFits(definition, observation.value(), "value").ifPresent(problems::add);
        if (observation.sourceRelease() == null || observation.sourceRelease().isBlank()) {
            problems.add(new Problem("sourceRelease", "the source release is required (e.g. 'Melderegister 31.12.2025')"));
        } else if (observation.sourceRelease().length() > TextKind.TITLE.max()) {
            problems.add(new Problem("sourceRelease", "at most " + TextKind.TITLE.max() + " characters"));
        } else {
            TextKind.TITLE.problem(observation.sourceRelease(), true)
                    .ifPresent(reason -> problems.add(new Problem("sourceRelease", reason)));
        }
        return problems;
    }

    /** The same, and the period must have begun by {@code today}: a future period is a typo that would stay the latest. */
    static List<Problem> problems(IndicatorDefinition definition, Observation observation, LocalDate today) {
        List<Problem> problems = problems(definition, observation);
        Optional<Period> period = Period.parse(observation.period());
        boolean periodFits = problems.stream().noneMatch(problem -> problem.field().equals("period"));
        if (periodFits && period.isPresent() && period.get().start().isAfter(today)) {
            problems.add(0, new Problem("period", observation.period() + " has not begun yet (today is " + today + ")"));
        }
        return problems;
    }

    static Optional<Problem> periodFits(IndicatorDefinition definition, String period) {
        if (period == null || period.isBlank()) {
            return Optional.of(new Problem("period", "the period is required"));
        }
        Optional<Period> parsed = Period.parse(period);
        if (parsed.isEmpty() || parsed.get().frequency() != definition.frequency()) {
            return Optional.of(new Problem("period", "'" + period + "' does not fit the " + definition.frequency()
                    + " frequency; write " + Period.format(definition.frequency())));
        }
        return Optional.empty();
    }

    /** Only dimensions the indicator defines, only values it allows; an empty breakdown is the total. */
    static List<Problem> breakdownFits(IndicatorDefinition definition, Map<BreakdownDimension, String> breakdown) {
        List<Problem> problems = new ArrayList<>();
        for (BreakdownDimension dimension : BreakdownDimension.values()) {
            String value = breakdown.get(dimension);
            if (value == null) {
                continue;
            }
            List<String> allowed = definition.breakdowns().get(dimension);
            if (allowed == null) {
                problems.add(new Problem("breakdown." + dimension, "the indicator is not broken down by " + dimension
                        + "; it is broken down by " + (definition.breakdowns().isEmpty() ? "nothing (totals only)"
                                : dimensionsOf(definition))));
            } else if (!allowed.contains(value)) {
                problems.add(new Problem("breakdown." + dimension, "'" + value + "' is not a value of " + dimension
                        + "; allowed: " + allowed));
            }
        }
        return problems;
    }

    /**
     * A value is given, with at most {@link #DIGITS_MAX} digits before the point and {@link #DECIMALS_MAX}
     * after it; a basic count is not negative; a percentage lies between 0 and 100. The digits are
     * bounded because a number like 1E-999999999 is short to send but a billion digits long written out
     * or computed with: the refusal of one such target took 24 s and answered with a gigabyte.
     */
    static Optional<Problem> valueFits(IndicatorDefinition definition, BigDecimal value, String field) {
        if (value == null) {
            return Optional.of(new Problem(field, "a value is required"));
        }
        BigDecimal significant = value.stripTrailingZeros();
        if (significant.precision() - significant.scale() > DIGITS_MAX || significant.scale() > DECIMALS_MAX) {
            return Optional.of(new Problem(field, "at most " + DIGITS_MAX + " digits before the decimal point and "
                    + DECIMALS_MAX + " after it"));
        }
        if (definition.figureType() == FigureType.BASIC_COUNT && value.signum() < 0) {
            return Optional.of(new Problem(field, "a basic count (Grundzahl) is not negative; " + value.toPlainString() + " is"));
        }
        if (isPercentage(definition) && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
            return Optional.of(new Problem(field, "a value in % lies between 0 and 100; " + value.toPlainString() + " does not"));
        }
        return Optional.empty();
    }

    static boolean isPercentage(IndicatorDefinition definition) {
        return definition.unit() != null && definition.unit().trim().equals("%");
    }

    /** "total", or the breakdown in the dimensions' order, e.g. "SEX=weiblich, CITY_DISTRICT=Altstadt". */
    static String describe(Map<BreakdownDimension, String> breakdown) {
        if (breakdown.isEmpty()) {
            return "total";
        }
        StringJoiner joined = new StringJoiner(", ");
        for (BreakdownDimension dimension : BreakdownDimension.values()) {
            if (breakdown.containsKey(dimension)) {
                joined.add(dimension + "=" + breakdown.get(dimension));
            }
        }
        return joined.toString();
    }

    private static String dimensionsOf(IndicatorDefinition definition) {
        StringJoiner joined = new StringJoiner(", ");
        for (BreakdownDimension dimension : BreakdownDimension.values()) {
            if (definition.breakdowns().containsKey(dimension)) {
                joined.add(dimension.toString());
            }
        }
        return joined.toString();
    }
}
