package de.gremium.query.monitoring;

import de.gremium.events.monitoring.MeasureId;

/**
 * One measure with its targets' latest values. Kept on the query side until the published language
 * has such a query (as {@code FetchUnitDirectory} is).
 */
public record FetchMeasure(MeasureId measureId) {
}
