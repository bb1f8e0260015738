package de.gremium.events.monitoring;

import java.time.LocalDate;
import java.util.Map;

/** What a measure aims at on one indicator: from a baseline to a target value by a date, in one breakdown (empty: the total). */
public record MeasureTarget(IndicatorId indicatorId, Map<BreakdownDimension, String> breakdown, java.math.BigDecimal baseline, String baselinePeriod, java.math.BigDecimal target, LocalDate targetDate, Direction direction) {

    public MeasureTarget {
        breakdown = breakdown == null ? Map.of() : Map.copyOf(breakdown);
    }
}
