package de.gremium.query.monitoring;

import de.gremium.events.PolicyField;

/**
 * The indicators by code, each with its latest total value; {@code policyField} may be null (matches all). Pages
 * count from 0. Kept on the query side until the published language has such a query (as {@link FetchMeasure} is).
 */
public record FetchIndicators(PolicyField policyField, int page, int size) {
}
