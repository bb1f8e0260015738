package de.gremium.events.monitoring;
/** One indicator with its series by breakdown. */
public record FetchIndicatorSeries(IndicatorId indicatorId) {
}
