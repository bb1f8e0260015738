package de.gremium.query.search;

import de.gremium.events.PolicyField;
import java.util.Set;

/**
 * One page of search hits. Kept on the query side, like {@code FetchNetworkProject}, until the published language
 * has such queries.
 *
 * @param kinds the kinds asked for; empty for every kind
 * @param policyField null for any
 * @param year null for any
 * @param roles the caller's roles: hits of a kind none of them may read are left out
 * @param page counted from 0
 */
public record FetchSearchHits(SearchText text, Set<SearchKind> kinds, PolicyField policyField, Integer year,
        Set<String> roles, int page, int size) {

    public FetchSearchHits {
        kinds = Set.copyOf(kinds);
        roles = Set.copyOf(roles);
    }
}
