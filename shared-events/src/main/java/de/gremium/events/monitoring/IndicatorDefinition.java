package de.gremium.events.monitoring;

import de.gremium.events.PolicyField;
import java.util.List;
import java.util.Map;

/** An indicator in the form municipal monitorings use; {@code breakdowns} names the allowed values per dimension. */
public record IndicatorDefinition(String title, PolicyField policyField, FigureType figureType, String numerator, String denominator, String dataSource, String migrationStatusDefinition, Map<BreakdownDimension, List<String>> breakdowns, Frequency frequency, String unit) {

    public IndicatorDefinition {
        breakdowns = breakdowns == null ? Map.of() : Map.copyOf(breakdowns);
    }
}
