package de.gremium.query.monitoring;

import de.gremium.events.monitoring.BreakdownDimension;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The value of one indicator for one period and breakdown: the newest recording wins, so a later import
 * corrects an earlier one. {@code recordings} keeps every value recorded for the cell, oldest first (the
 * last is the current one). The id is {@code <indicator>|<period>|<breakdownKey>}, each part URL-encoded
 * (see {@link Breakdowns}); {@code breakdownKey} is empty for the total. {@code version} is the
 * sequence number (of the indicator's events) of the recording applied last.
 */
@Document("monitoring_observations")
@CompoundIndex(name = "series", def = "{'indicatorId': 1, 'breakdownKey': 1}")
public record ObservationView(
        @Id String id,
        String indicatorId,
        String period,
        Map<BreakdownDimension, String> breakdown,
        String breakdownKey,
        BigDecimal value,
        String sourceRelease,
        String importId,
        String source,
        String recordedBy,
        Instant recordedAt,
        List<Recording> recordings,
        long version) {

    /** One recorded value of the cell. */
    public record Recording(BigDecimal value, String sourceRelease, String importId, String source, String recordedBy,
            Instant recordedAt) {
    }

    static String id(String indicatorId, String period, String breakdownKey) {
        return Breakdowns.encode(indicatorId) + "|" + Breakdowns.encode(period) + "|" + breakdownKey;
    }
}
