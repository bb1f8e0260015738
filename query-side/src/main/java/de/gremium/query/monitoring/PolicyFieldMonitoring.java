package de.gremium.query.monitoring;

import de.gremium.events.PolicyField;
import de.gremium.events.monitoring.FigureType;
import de.gremium.events.monitoring.Frequency;
import java.util.List;

/**
 * The monitoring of one policy field: its indicators (by code), each with the latest total value, the
 * total over the last {@link MonitoringQueries#TREND_PERIODS} periods (oldest first) and the direction
 * of the last step; and the measures that target any of these indicators, with their verdicts.
 */
public record PolicyFieldMonitoring(PolicyField policyField, String label, List<IndicatorOverview> indicators,
        List<MeasureSummary> measures) {

    /**
     * {@code latest} is absent while the indicator has no total value; {@code trendDirection} while it has
     * fewer than two.
     */
    public record IndicatorOverview(String indicatorId, String title, FigureType figureType, String unit,
            Frequency frequency, PeriodValue latest, List<PeriodValue> trend, TrendDirection trendDirection) {
    }
}
