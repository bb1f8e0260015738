package de.gremium.query.monitoring;

import de.gremium.events.monitoring.MeasureVerdict;
import de.gremium.query.api.Rows;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * A measure in the list: simple values only. {@code verdict} is the current one (NOT_MEASURABLE_YET until the
 * first evaluation), {@code indicators} the targets' indicators joined by ", ", {@code latestTargetDate} the last
 * of the targets' dates.
 */
public record MeasureRow(String measureId, String title, String recommendationId, MeasureVerdict verdict,
        Instant verdictSince, int verdictChanges, int targets, String indicators, LocalDate latestTargetDate,
        String adoptedBy, Instant adoptedAt, Instant lastChangedAt, long version) {

    static MeasureRow of(MeasureView m) {
        return new MeasureRow(m.id(), m.title(), m.recommendationId(), m.verdict(), m.verdictSince(),
                m.verdictHistory() == null ? 0 : m.verdictHistory().size(), m.targets().size(),
                Rows.joined(m.indicatorIds()), m.targets().stream().map(MeasureView.Target::targetDate)
                        .filter(d -> d != null).max(Comparator.naturalOrder()).orElse(null),
                m.adoptedBy(), m.adoptedAt(), m.lastChangedAt(), m.version());
    }
}
