package de.gremium.query.search;

import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationContext;

/** For tests elsewhere: writes into a running query side's search index what the record does not hold. */
public final class SearchIndexes {

    private SearchIndexes() {
    }

    /** Puts a problem report that no event describes into the index. */
    public static void putUnrecordedReport(ApplicationContext context, String reportId, String title) {
        context.getBean(SearchIndex.class).put(new SearchDocument(SearchKind.REPORT, reportId, title, "", List.of(), Set.of(),
                2026));
    }
}
