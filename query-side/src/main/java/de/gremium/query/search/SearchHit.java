package de.gremium.query.search;

import de.gremium.events.PolicyField;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One item found, best first. */
public record SearchHit(
        SearchKind kind,
        String id,
        String title,
        @Schema(description = "The path of the item's view on the query side")
        String link,
        @Schema(description = "Lucene's relevance score (BM25, title words weigh double); hits come in its order, "
                + "highest first")
        float score,
        @Schema(description = "The passage of the item's text that matched, HTML-escaped, the matched words marked "
                + "<mark>…</mark>; passages are sentences, about 160 characters, at most two, joined by ' … '. Without "
                + "a match in the text (only the title matched) its first passage; for an item without a text, its "
                + "title")
        String snippet,
        List<PolicyField> policyFields,
        int year) {
}
