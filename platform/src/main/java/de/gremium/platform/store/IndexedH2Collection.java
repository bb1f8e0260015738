package de.gremium.platform.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.h2.mvstore.MVMap;

/**
 * A collection of the embedded server that reads sorted queries in index order.
 *
 * <p>mongo-java-server answers {@code find().sort(s)} by reading every matching document and sorting them
 * all, even when the client wants only a page, or only the first batch of a cursor. The first page of
 * the problem board read and sorted every report (0.1 s at 15,000), and each of Axon's tracking queries
 * ({@code timestamp >= t}, sorted, read one batch of 1,000) read every event after {@code t}: a replay
 * of N events cost N²/1,000 reads. When the first sort key has an index with a lookup
 * ({@link WithFirstKeyLookup}) and no document holds an array there, this walks the lookup in sort order
 * (from the query's bound on that key, if it has one) and matches each document against the query:
 *
 * <ul>
 *   <li>with a limit, it stops after {@code skip + limit} matches, completing the group that ties with the
 *       last one, and the collection's own code sorts, skips, limits and projects those few as it would
 *       have all of them;</li>
 *   <li>without a limit but with a batch size (and no skip or projection), it returns the first batch and
 *       a {@link WalkCursor} that goes on walking when the client asks for more.</li>
 * </ul>
 *
 * Not when an index names at most {@value #SELECTIVE} candidates for the query: reading and sorting those
 * is cheaper.
 *
 * <p>A long {@code $nin} of strings (Axon's tracking query) is matched with a hash set ({@link NotInStrings}),
 * and an {@code $or} whose every branch has an index reads the union of what those indexes name.
 */
final class IndexedH2Collection extends H2Collection {

    /** Beyond this, a walk in index order for a page saves little over reading everything. */
    private static final int MAX_WALK = 10_000;
    /** Candidates few enough to read and sort them all rather than walk the sort order. */
    private static final int SELECTIVE = 1_000;

    /** Queries answered by a walk in index order (for tests: that the walk is taken, not only correct). */
    private long walks;
    /** Queries answered from the union of their {@code $or} branches' indexes (for tests, as above). */
    private long unions;
    /** The last query this thread matched documents against, prepared (see {@link NotInStrings}). */
    private final ThreadLocal<NotInStrings> prepared = ThreadLocal.withInitial(() -> NotInStrings.NONE);

    IndexedH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
            MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
    }

    synchronized long walks() {
        return walks;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
            Document fieldSelector) {
        Optional<FirstKeyLookup> order = sortOrder(query, orderBy);
        if (order.isPresent()) {
            boolean descending = ((Number) orderBy.values().iterator().next()).intValue() < 0;
            long wanted = (long) Math.max(0, numberToSkip) + Math.abs((long) limit);
            if (limit != 0 && wanted <= MAX_WALK) {
                walks++;
                List<Object> first = order.get().firstInOrder(descending, query,
                        position -> documentMatchesQuery(getDocument(position), query), (int) wanted);
                return matchDocuments(query, first, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            if (limit == 0 && batchSize > 0 && numberToSkip <= 0 && (fieldSelector == null || fieldSelector.isEmpty())) {
                walks++;
                return walkWithCursor(order.get().walk(descending, query), query, orderBy, batchSize);
            }
        }
        if (getIndexes().stream().noneMatch(index -> index.canHandle(query))) {
            Optional<Collection<Object>> union = unionOfBranches(query);
            if (union.isPresent()) {
                unions++; // queries run under the collection's lock, as the walks count above
                return matchDocuments(query, union.get(), orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * For a top-level {@code $or} whose every branch an index answers: the positions those indexes name,
     * together. Each document is then matched against the whole query, so the union only has to contain
     * every match (MongoDB answers such a query the same way, by index union). mongo-java-server itself
     * uses an index only for a query it answers as a whole, and scanned the collection for the trace's
     * {@code $or} of one condition per kind of id.
     */
    private Optional<Collection<Object>> unionOfBranches(Document query) {
        if (!(query.get("$or") instanceof List<?> branches) || branches.isEmpty()) {
            return Optional.empty();
        }
        Set<Object> positions = new LinkedHashSet<>();
        for (Object branch : branches) {
            if (!(branch instanceof Document condition)) {
                return Optional.empty();
            }
            Optional<Index<Object>> index = getIndexes().stream().filter(i -> i.canHandle(condition)).findFirst();
            if (index.isEmpty()) {
                return Optional.empty();
            }
            index.get().getPositions(condition).forEach(positions::add);
        }
        return Optional.of(positions);
    }

    synchronized long unions() {
        return unions;
    }

    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        NotInStrings notIn = prepared.get();
        if (!notIn.isFor(query)) {
            notIn = NotInStrings.of(query);
            prepared.set(notIn);
        }
        return notIn.applies() ? notIn.matches(document, super::documentMatchesQuery) : super.documentMatchesQuery(document, query);
    }

    private QueryResult walkWithCursor(Iterator<Collection<Object>> groups, Document query, Document orderBy, int batchSize) {
        WalkCursor cursor = new WalkCursor(cursorRegistry.generateCursorId(), groups, this::getDocument,
                document -> documentMatchesQuery(document, query), deriveComparator(orderBy));
        List<Document> firstBatch = cursor.takeDocuments(batchSize);
        if (cursor.isEmpty()) {
            return new QueryResult(firstBatch);
        }
        cursorRegistry.add(cursor);
        return new QueryResult(firstBatch, cursor);
    }

    /** The lookup that orders like the sort, if the sort's first key has one and no selective index serves. */
    private Optional<FirstKeyLookup> sortOrder(Document query, Document orderBy) {
        if (orderBy == null || orderBy.isEmpty()) {
            return Optional.empty();
        }
        String field = orderBy.keySet().iterator().next();
        if (!(orderBy.get(field) instanceof Number)) {
            return Optional.empty();
        }
        for (Index<Object> index : getIndexes()) {
            if (index instanceof WithFirstKeyLookup withLookup && withLookup.lookup().field().equals(field)
                    && withLookup.lookup().ordersLikeASort()) {
                return selectiveIndexFor(query) ? Optional.empty() : Optional.of(withLookup.lookup());
            }
        }
        return Optional.empty();
    }

    /** An index that names few candidates ({@code aggregateIdentifier = x}) beats walking the sort order. */
    private boolean selectiveIndexFor(Document query) {
        for (Index<Object> index : getIndexes()) {
            if (index instanceof SecondaryIndex secondary && secondary.canHandle(query)) {
                // counted in place: copying every candidate of a range to count them cost as much as the walk saves
                return !secondary.lookup().moreCandidatesThan(query, SELECTIVE);
            }
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
