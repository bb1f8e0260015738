package de.gremium.query.oparl;

/**
 * One page of an external OParl list: every object of {@code kind} that passes the filter, oldest first (by
 * {@code created}, then id), answered with an {@link OParlListPage}.
 *
 * @param listPath the list's own path ({@code body/magdeburg/meeting}), for the page links
 * @param page from 1
 * @param limit objects per page
 */
public record FetchOParlList(OParlKind kind, String listPath, OParlFilter filter, int page, int limit, String base) {
}
