package de.gremium.platform.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The driver's {@code countDocuments(filter)}, answered by the collection's count instead of by
 * mongo-java-server's aggregation.
 *
 * <p>The driver sends it as the pipeline {@code [{$match: filter}, {$group: {_id: 1, n: {$sum: 1}}}]}.
 * The aggregation reads every document of the collection through {@code $match}, without indexes: the
 * total of the problem board's first page read all reports. The collection's own count knows its size
 * for an empty filter and otherwise runs the filter as a query, with the indexes. Any other pipeline (or
 * one with {@code $skip}, {@code $limit}, options the count does not know) goes to the aggregation as
 * before.
 */
final class CountDocuments {

    private static final Document GROUP = new Document("_id", 1).append("n", new Document("$sum", 1));
    /** Counts answered here (for tests: that the driver's and Spring Data's counts take this way). */
    private static final AtomicLong ANSWERED = new AtomicLong();

    private CountDocuments() {
    }

    static long answered() {
        return ANSWERED.get();
    }

    /** The command's answer, or null when it is not a plain countDocuments. */
    static Document answer(MongoBackend backend, String databaseName, Document command) {
        if (!(command.get("aggregate") instanceof String collectionName) || !(command.get("pipeline") instanceof List<?> pipeline)
                || pipeline.size() != 2 || !(pipeline.get(0) instanceof Document match) || match.size() != 1
                || !(match.get("$match") instanceof Document filter) || !(pipeline.get(1) instanceof Document group)
                || group.size() != 1 || !GROUP.equals(group.get("$group"))
                || command.containsKey("collation") || command.containsKey("hint")) {
            return null;
        }
        MongoDatabase database = backend.resolveDatabase(databaseName);
        MongoCollection<?> collection = database.resolveCollection(collectionName, false);
        ANSWERED.incrementAndGet();
        int count = collection == null ? 0 : filter.isEmpty() ? collection.count() : collection.count(filter, 0, 0);
        List<Document> batch = count == 0 ? List.of() : List.of(new Document("_id", 1).append("n", count));
        Document cursor = new Document("id", 0L).append("ns", databaseName + "." + collectionName).append("firstBatch", batch);
        return new Document("cursor", cursor).append("ok", 1.0);
    }
}
