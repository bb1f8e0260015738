package de.gremium.query.search;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the search from the index, once the index holds the whole record. */
@Component
class SearchQueries {

    private final SearchIndex index;
    private final SearchReadiness readiness;

    SearchQueries(SearchIndex index, SearchReadiness readiness) {
        this.index = index;
        this.readiness = readiness;
    }

    @QueryHandler
    SearchResult handle(FetchSearchHits query) {
        if (!readiness.complete()) {
            return new SearchResult(List.of(), 0, false);
        }
        Set<SearchKind> kinds = query.kinds().isEmpty() ? EnumSet.allOf(SearchKind.class) : EnumSet.copyOf(query.kinds());
        kinds.retainAll(SearchKind.readableBy(query.roles()));
        SearchIndex.Found found = index.search(query.text(), kinds, query.policyField(), query.year(), query.page(),
                query.size());
        return new SearchResult(found.hits(), found.total(), true);
    }

    /**
     * A page of hits and how many match in all; {@code complete} is false while the index is still being built, and
     * then there are no hits.
     */
    record SearchResult(List<SearchHit> hits, long total, boolean complete) {
    }
}
