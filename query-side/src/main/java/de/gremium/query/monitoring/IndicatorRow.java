package de.gremium.query.monitoring;

import de.gremium.events.PolicyField;
import de.gremium.events.monitoring.FigureType;
import de.gremium.events.monitoring.Frequency;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * An indicator in the list: simple values only. {@code latestPeriod}, {@code latestValue},
 * {@code latestSourceRelease} and {@code latestRecordedAt} are its latest total value (the last period in period
 * order), absent while it has none; {@code trendDirection} compares it with the period before.
 */
public record IndicatorRow(String indicatorId, String title, PolicyField policyField, FigureType figureType, String unit,
        Frequency frequency, String dataSource, String latestPeriod, BigDecimal latestValue, String latestSourceRelease,
        Instant latestRecordedAt, TrendDirection trendDirection, Instant lastChangedAt, long version) {

    static IndicatorRow of(IndicatorView indicator, PeriodValue latest, TrendDirection trendDirection) {
        Optional<PeriodValue> value = Optional.ofNullable(latest);
        return new IndicatorRow(indicator.id(), indicator.definition().title(), indicator.definition().policyField(),
                indicator.definition().figureType(), indicator.definition().unit(), indicator.definition().frequency(),
                indicator.definition().dataSource(), value.map(PeriodValue::period).orElse(null),
                value.map(PeriodValue::value).orElse(null), value.map(PeriodValue::sourceRelease).orElse(null),
                value.map(PeriodValue::recordedAt).orElse(null), trendDirection, indicator.lastChangedAt(),
                indicator.version());
    }
}
