package de.gremium.query.monitoring;

import de.gremium.events.monitoring.MeasureVerdict;
import java.time.Instant;
import java.util.List;

/** A measure in a list: its current verdict, since when, and the indicators it targets. */
public record MeasureSummary(String measureId, String title, String recommendationId, MeasureVerdict verdict,
        Instant verdictSince, List<String> indicatorIds) {

    static MeasureSummary of(MeasureView m) {
        return new MeasureSummary(m.id(), m.title(), m.recommendationId(), m.verdict(), m.verdictSince(),
                m.indicatorIds());
    }
}
