package de.gremium.query.search;

import de.gremium.events.PolicyField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.springframework.stereotype.Component;

/**
 * The search index: Apache Lucene on a {@link ByteBuffersDirectory}, in this process's memory. It holds what
 * {@link SearchProjection} puts into it and is built again from the record at every start (docs/adr/0005-search.md).
 *
 * <p>One writer (the projection's processor thread) and any number of readers: a search takes the latest searcher
 * of Lucene's {@link SearcherManager}, refreshed first if the index changed since.
 */
@Component
class SearchIndex implements AutoCloseable {

    static final String KEY = "key";
    static final String KIND = "kind";
    static final String ID = "id";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String POLICY_FIELD = "policyField";
    static final String YEAR = "year";

    /** Title words weigh double. */
    private static final Map<String, Float> FIELDS = Map.of(TITLE, 2f, BODY, 1f);
    /** What users type: words (all must match) and "quoted phrases"; every other character is text. */
    private static final int SYNTAX = SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.WHITESPACE_OPERATOR;
    /** Score order, equal scores by key: the same index answers the same order, however its segments were merged. */
    private static final Sort ORDER = new Sort(SortField.FIELD_SCORE, new SortField(KEY, SortField.Type.STRING));
    /** Passages of about this many characters, whole sentences. */
    private static final int PASSAGE_LENGTH = 160;
    /** The highlighter reads this much of a text at most. */
    private static final int HIGHLIGHT_MAX_LENGTH = 100_000;

    private static final FieldType BODY_TYPE = bodyType();

    private final Analyzer analyzer = new GermanSearchAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    SearchIndex() {
        try {
            writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the item, or replaces it as a whole. */
    void put(SearchDocument item) {
        try {
            writer.updateDocument(new Term(KEY, item.key()), document(item));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void remove(SearchKind kind, String id) {
        try {
            writer.deleteDocuments(new Term(KEY, SearchDocument.key(kind, id)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties the index (a reset of the projection). */
    void clear() {
        try {
            writer.deleteAll();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The items that match {@code text} and the filters, best first.
     *
     * @param kinds the kinds to search (the caller may read all of them); empty finds nothing
     * @param policyField null for any
     * @param year null for any
     * @param page counted from 0
     */
    Found search(SearchText text, Set<SearchKind> kinds, PolicyField policyField, Integer year, int page, int size) {
        Query words = parser().parse(text.value());
        if (words == null || words instanceof MatchNoDocsQuery || kinds.isEmpty()) {
            return new Found(List.of(), 0);
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(words, Occur.MUST)
                .add(new TermInSetQuery(KIND, kinds.stream().map(k -> new BytesRef(k.wireName())).toList()), Occur.FILTER);
        if (policyField != null) {
            query.add(new TermQuery(new Term(POLICY_FIELD, policyField.name())), Occur.FILTER);
        }
        if (year != null) {
            query.add(IntPoint.newExactQuery(YEAR, year), Occur.FILTER);
        }
        try {
            searchers.maybeRefresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                return found(searcher, query.build(), page, size);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Found found(IndexSearcher searcher, Query query, int page, int size) throws IOException {
        int total = searcher.count(query);
        long from = (long) page * size;
        if (from >= total) {
            return new Found(List.of(), total);
        }
        TopFieldDocs top = searcher.search(query, (int) Math.min(total, from + size), ORDER, true);
        ScoreDoc[] onPage = Arrays.copyOfRange(top.scoreDocs, (int) from, top.scoreDocs.length);
        Map<String, String[]> passages = highlighter(searcher).highlightFields(new String[] {BODY, TITLE}, query,
                new TopDocs(new TotalHits(onPage.length, TotalHits.Relation.EQUAL_TO), onPage), new int[] {2, 1});
        List<SearchHit> hits = new ArrayList<>(onPage.length);
        for (int i = 0; i < onPage.length; i++) {
            Document stored = searcher.storedFields().document(onPage[i].doc);
            SearchKind kind = SearchKind.of(stored.get(KIND));
            String id = stored.get(ID);
            // an item without a text of its own (an idea with a title only) shows its title
            String snippet = passages.get(BODY)[i] != null ? passages.get(BODY)[i] : passages.get(TITLE)[i];
            hits.add(new SearchHit(kind, id, stored.get(TITLE), kind.link(id), ((FieldDoc) onPage[i]).score, snippet,
                    Arrays.stream(stored.getValues(POLICY_FIELD)).map(PolicyField::valueOf).sorted().toList(),
                    stored.getField(YEAR).numericValue().intValue()));
        }
        return new Found(hits, total);
    }

    private SimpleQueryParser parser() {
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, FIELDS, SYNTAX);
        parser.setDefaultOperator(Occur.MUST);
        return parser;
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.GERMAN), PASSAGE_LENGTH, 0.5f))
                .withMaxLength(HIGHLIGHT_MAX_LENGTH)
                .withMaxNoHighlightPassages(1)
                .build();
    }

    private static Document document(SearchDocument item) {
        Document document = new Document();
        document.add(new StringField(KEY, item.key(), Field.Store.NO));
        document.add(new SortedDocValuesField(KEY, new BytesRef(item.key())));
        document.add(new StringField(KIND, item.kind().wireName(), Field.Store.YES));
        document.add(new StoredField(ID, item.id()));
        document.add(new TextField(TITLE, item.title(), Field.Store.YES));
        document.add(new Field(BODY, item.body(), BODY_TYPE));
        item.policyFields().forEach(f -> document.add(new StringField(POLICY_FIELD, f.name(), Field.Store.YES)));
        document.add(new IntPoint(YEAR, item.year()));
        document.add(new StoredField(YEAR, item.year()));
        return document;
    }

    /** Stored, with the offsets of every word in the postings, so that the highlighter need not analyse it again. */
    private static FieldType bodyType() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }

    /** A page of hits and how many match in all. */
    record Found(List<SearchHit> hits, long total) {
    }
}
