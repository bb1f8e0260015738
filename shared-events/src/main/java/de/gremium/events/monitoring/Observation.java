package de.gremium.events.monitoring;

import java.util.Map;

/** A value of an indicator for a period (e.g. 2025, 2025-Q3, 2025-07) and a breakdown (empty: the total), with the source release it comes from. */
public record Observation(String period, Map<BreakdownDimension, String> breakdown, java.math.BigDecimal value, String sourceRelease) {

    public Observation {
        breakdown = breakdown == null ? Map.of() : Map.copyOf(breakdown);
    }
}
