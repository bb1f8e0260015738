package de.gremium.query.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An indicator's current value for a period (in one breakdown): the source release it comes from, when it
 * was recorded, and, in a series, the values it replaced ({@code earlierValues}, oldest first; absent when
 * the value was never corrected).
 */
public record PeriodValue(String period, BigDecimal value, String sourceRelease, Instant recordedAt,
        List<ObservationView.Recording> earlierValues) {

    static PeriodValue of(ObservationView o) {
        return new PeriodValue(o.period(), o.value(), o.sourceRelease(), o.recordedAt(), null);
    }

    static PeriodValue withEarlierValues(ObservationView o) {
        List<ObservationView.Recording> all = o.recordings() == null ? List.of() : o.recordings();
        return new PeriodValue(o.period(), o.value(), o.sourceRelease(), o.recordedAt(),
                all.size() > 1 ? List.copyOf(all.subList(0, all.size() - 1)) : null);
    }
}
