package de.gremium.query.monitoring;

import de.gremium.events.monitoring.BreakdownDimension;
import de.gremium.events.monitoring.Direction;
import de.gremium.events.monitoring.MeasureVerdict;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One measure: its verdict with the history of changes, and per target the indicator's title and unit
 * and the latest value in the target's breakdown (absent while there is none, or while the indicator is
 * not projected).
 */
public record MeasureDetail(String measureId, String recommendationId, String title, String adoptedBy, Instant adoptedAt,
        MeasureVerdict verdict, Instant verdictSince, List<MeasureView.VerdictChange> verdictHistory,
        List<TargetStatus> targets, long version) {

    public record TargetStatus(String indicatorId, String indicatorTitle, String unit,
            Map<BreakdownDimension, String> breakdown, String breakdownLabel, BigDecimal baseline, String baselinePeriod,
            BigDecimal target, LocalDate targetDate, Direction direction, PeriodValue latest) {
    }
}
