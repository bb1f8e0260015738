package de.gremium.query.monitoring;

import de.gremium.events.monitoring.MeasureVerdict;

/**
 * The measures, the latest adopted first; each filter may be null (matches all). Pages count from 0. Kept on the
 * query side until the published language has such a query (as {@link FetchMeasure} is).
 */
public record FetchMeasures(MeasureVerdict verdict, String recommendationId, String indicatorId, int page, int size) {
}
