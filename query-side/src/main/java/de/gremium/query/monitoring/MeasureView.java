package de.gremium.query.monitoring;

import de.gremium.events.monitoring.BreakdownDimension;
import de.gremium.events.monitoring.Direction;
import de.gremium.events.monitoring.MeasureVerdict;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A measure adopted after a recommendation, with its targets on indicators and what the monitoring says
 * about it. {@code verdict} is {@code NOT_MEASURABLE_YET} until the first evaluation changes it;
 * {@code verdictHistory} lists every change, oldest first. {@code indicatorIds} are the targets'
 * indicators, for finding the measures of a policy field.
 */
@Document("monitoring_measures")
@CompoundIndex(name = "indicators", def = "{'indicatorIds': 1}")
public record MeasureView(
        @Id String id,
        String recommendationId,
        String title,
        List<Target> targets,
        List<String> indicatorIds,
        MeasureVerdict verdict,
        Instant verdictSince,
        List<VerdictChange> verdictHistory,
        String adoptedBy,
        Instant adoptedAt,
        Instant lastChangedAt,
        long version) {

    /** From a baseline to a target value by a date, on one indicator in one breakdown (empty: the total). */
    public record Target(String indicatorId, Map<BreakdownDimension, String> breakdown, BigDecimal baseline,
            String baselinePeriod, BigDecimal target, LocalDate targetDate, Direction direction) {
    }

    /** A change of the verdict and the observation it rests on ({@code basis}). */
    public record VerdictChange(MeasureVerdict verdict, MeasureVerdict previous, String basis, String evaluatedBy,
            Instant evaluatedAt) {
    }
}
