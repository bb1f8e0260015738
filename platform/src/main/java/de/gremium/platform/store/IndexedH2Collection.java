package de.gremium.platform.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Optional;
import org.h2.mvstore.MVMap;

/**
 * A collection of the embedded server that reads a sorted, limited query in index order.
 *
 * <p>mongo-java-server answers {@code find().sort(s).limit(n)} by reading every matching document and
 * sorting them all: the first page of the problem board read and sorted every report, about 0.1 s at
 * 15,000 reports, and every reader waited for it. When the first sort key has an index with a lookup
 * ({@link WithFirstKeyLookup}) and no document holds an array there, this walks the lookup in sort order,
 * matches each document against the query, and stops after {@code skip + limit} matches (completing the
 * group that ties with the last one). The collection's own code then sorts, skips, limits and projects
 * those few as it would have all of them, so the answer is the same.
 */
final class IndexedH2Collection extends H2Collection {

    /** Beyond this, a walk in index order saves little over reading everything. */
    private static final int MAX_WALK = 10_000;
    /** Candidates few enough to read and sort them all rather than walk the sort order. */
    private static final int SELECTIVE = 1_000;

    /** Queries answered by a walk in index order (for tests: that the walk is taken, not only correct). */
    private long walks;

    IndexedH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
            MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
            Document fieldSelector) {
        Optional<List<Object>> first = firstInSortOrder(query, orderBy, numberToSkip, limit);
        if (first.isPresent()) {
            return matchDocuments(query, first.get(), orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    synchronized long walks() {
        return walks;
    }

    private Optional<List<Object>> firstInSortOrder(Document query, Document orderBy, int numberToSkip, int limit) {
        if (orderBy == null || orderBy.isEmpty() || limit == 0) {
            return Optional.empty();
        }
        long wanted = (long) Math.max(0, numberToSkip) + Math.abs((long) limit);
        String field = orderBy.keySet().iterator().next();
        if (wanted > MAX_WALK || !(orderBy.get(field) instanceof Number direction)) {
            return Optional.empty();
        }
        if (selectiveIndexFor(query)) {
            return Optional.empty();
        }
        for (Index<Object> index : getIndexes()) {
            if (index instanceof WithFirstKeyLookup withLookup && withLookup.lookup().field().equals(field)
                    && withLookup.lookup().ordersLikeASort()) {
                walks++;
                return Optional.of(withLookup.lookup().firstInOrder(direction.intValue() < 0,
                        position -> documentMatchesQuery(getDocument(position), query), (int) wanted));
            }
        }
        return Optional.empty();
    }

    /** An index that names few candidates ({@code aggregateIdentifier = x}) beats walking the sort order. */
    private boolean selectiveIndexFor(Document query) {
        for (Index<Object> index : getIndexes()) {
            if (index.canHandle(query)) {
                int candidates = 0;
                for (Object ignored : index.getPositions(query)) {
                    if (++candidates > SELECTIVE) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
