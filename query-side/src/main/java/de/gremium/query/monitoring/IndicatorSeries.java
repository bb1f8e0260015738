package de.gremium.query.monitoring;

import de.gremium.events.monitoring.BreakdownDimension;
import de.gremium.events.monitoring.IndicatorDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One indicator: its definition and how it was revised, its values grouped by breakdown (the total first,
 * then fewer dimensions before more; each series in period order) and the measures that target it.
 */
public record IndicatorSeries(String indicatorId, IndicatorDefinition definition, String definedBy, Instant definedAt,
        List<IndicatorView.DefinitionChange> history, List<BreakdownSeries> series, List<MeasureSummary> measures,
        long version) {

    /** The values of one breakdown ({@code breakdown} empty, {@code label} "insgesamt": the total). */
    public record BreakdownSeries(Map<BreakdownDimension, String> breakdown, String label, List<PeriodValue> values) {
    }
}
