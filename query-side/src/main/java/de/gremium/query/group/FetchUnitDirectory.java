package de.gremium.query.group;

/**
 * The departments and units with their status. Kept on the query side until the published language
 * has such a query; routed by type like the others.
 */
public record FetchUnitDirectory() {
}
