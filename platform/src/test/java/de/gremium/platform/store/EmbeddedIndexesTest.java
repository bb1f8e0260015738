package de.gremium.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.Index;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server's indexes (IndexedH2Database): a query answered through an index finds exactly
 * what a scan finds, the index narrows the documents the server looks at, it follows updates and
 * deletes, and after the store is reopened it is rebuilt while uniqueness still holds.
 */
class EmbeddedIndexesTest {

    private static final int DOCUMENTS = 2_000;

    @TempDir
    Path dataDir;

    /** Queries of the shapes Axon and the projections send, and edge cases of types, arrays and absent fields. */
    private static final List<Bson> QUERIES = List.of(
            Filters.eq("aggregate", "a-7"),
            Filters.and(Filters.eq("aggregate", "a-7"), Filters.gte("sequence", 2L)),
            Filters.and(Filters.eq("aggregate", "a-7"), Filters.eq("sequence", 3)),
            Filters.eq("aggregate", "nobody"),
            Filters.in("aggregate", List.of("a-1", "a-2", "a-404")),
            Filters.and(Filters.gte("timestamp", "2026-01-01T00:00:30Z"), Filters.nin("event", List.of("e-1990", "e-1991"))),
            Filters.gt("timestamp", "2026-01-01T00:00:30Z"),
            Filters.and(Filters.gte("timestamp", "2026-01-01T00:00:10Z"), Filters.lt("timestamp", "2026-01-01T00:00:11Z")),
            Filters.lt("timestamp", "2026-01-01T00:00:01Z"),
            Filters.eq("number", 5),
            Filters.eq("number", 5L),
            Filters.eq("number", 5.0),
            Filters.gte("number", 95),
            Filters.eq("tags", "even"),
            Filters.eq("tags", List.of("even", "small")),
            Filters.eq("maybe", null),
            Filters.exists("maybe", false),
            Filters.eq("maybe", "there"),
            Filters.regex("aggregate", "^a-1"),
            Filters.ne("aggregate", "a-7"),
            Filters.or(Filters.eq("aggregate", "a-1"), Filters.eq("number", 3)),
            Filters.and(Filters.or(Filters.in("aggregate", List.of("a-1", "a-2")), Filters.eq("number", 3L)),
                    Filters.lte("timestamp", "2026-01-01T00:00:30Z")),
            new Document("$or", List.of(new Document("aggregate", "a-4"), new Document("number", new Document("$gte", 98))))
                    .append("timestamp", new Document("$lte", "2026-01-01T00:00:30Z")), // as the trace asks
            Filters.or(Filters.eq("aggregate", "a-1"), Filters.regex("event", "7$")), // a branch without an index: a scan
            Filters.or(Filters.eq("aggregate", "a-1"), Filters.eq("aggregate", "a-1"), Filters.eq("tags", "even")),
            new Document());

    @Test
    void aQueryThroughAnIndexFindsExactlyWhatAScanFinds() {
        EmbeddedMongoServer server = EmbeddedMongoServer.acquire(new GremiumMongoProperties.Embedded(dataDir, 0, false));
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> indexed = filled(client, "indexed", true);
            MongoCollection<Document> plain = filled(client, "plain", false);
            long unionsBefore = server.indexUnions("t", "indexed");
            for (Bson query : QUERIES) {
                assertThat(ids(indexed, query)).as(query.toString()).isEqualTo(ids(plain, query));
            }
            assertThat(server.indexUnions("t", "indexed") - unionsBefore).as("$or answered from its branches' indexes")
                    .isEqualTo(3);
            // sorted and limited, as Axon reads a batch and its last sequence number
            Bson batch = Filters.gte("timestamp", "2026-01-01T00:00:20Z");
            assertThat(first(indexed.find(batch).sort(Sorts.ascending("timestamp", "sequence")).limit(7)))
                    .isEqualTo(first(plain.find(batch).sort(Sorts.ascending("timestamp", "sequence")).limit(7)));
            assertThat(indexed.find(Filters.eq("aggregate", "a-7")).sort(Sorts.descending("sequence")).first())
                    .isEqualTo(plain.find(Filters.eq("aggregate", "a-7")).sort(Sorts.descending("sequence")).first());
        } finally {
            server.release();
        }
    }

    @Test
    void aSortedLimitedQueryReadInIndexOrderAnswersAsAFullSortAndCountsAnswerAsTheAggregation() {
        EmbeddedMongoServer server = EmbeddedMongoServer.acquire(new GremiumMongoProperties.Embedded(dataDir, 0, false));
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> indexed = filled(client, "indexed", true);
            MongoCollection<Document> plain = filled(client, "plain", false);
            List<Bson> sorts = List.of(
                    Sorts.orderBy(Sorts.descending("timestamp"), Sorts.ascending("_id")),   // 50 ties per value
                    Sorts.orderBy(Sorts.ascending("timestamp"), Sorts.descending("sequence"), Sorts.ascending("_id")),
                    Sorts.orderBy(Sorts.ascending("number"), Sorts.ascending("_id")),       // int, long and double
                    Sorts.orderBy(Sorts.descending("number"), Sorts.descending("_id")),
                    Sorts.orderBy(Sorts.ascending("maybe"), Sorts.ascending("_id")),       // absent and null first
                    Sorts.orderBy(Sorts.descending("maybe"), Sorts.ascending("_id")),      // ... and last
                    Sorts.orderBy(Sorts.ascending("tags"), Sorts.ascending("_id")));       // arrays: not walked
            // no index: walked; indexes naming up to 1,000 candidates: read and sorted as before
            List<Bson> filters = List.of(new Document(), Filters.regex("event", "7$"), Filters.eq("tags", "odd"),
                    Filters.gte("number", 90), Filters.eq("aggregate", "a-3"), Filters.eq("aggregate", "nobody"));
            long walksBefore = server.indexOrderWalks("t", "indexed");
            for (Bson sort : sorts) {
                for (Bson filter : filters) {
                    for (int[] page : new int[][] {{0, 20}, {40, 20}, {1_990, 20}, {0, 1}}) {
                        assertThat(first(indexed.find(filter).sort(sort).skip(page[0]).limit(page[1])))
                                .as("%s sorted by %s, skip %d, limit %d", filter, sort, page[0], page[1])
                                .isEqualTo(first(plain.find(filter).sort(sort).skip(page[0]).limit(page[1])));
                    }
                }
            }
            assertThat(server.indexOrderWalks("t", "indexed") - walksBefore).as("queries read in index order")
                    .isEqualTo(6L * 2 * 4);

            // without a limit, in batches of a cursor (as Axon's tracking query reads): all of it, in order
            for (Bson sort : sorts) {
                for (Bson filter : List.of(new Document(), Filters.regex("event", "7$"), Filters.gte("timestamp",
                        "2026-01-01T00:00:30Z"), Filters.and(Filters.gte("timestamp", "2026-01-01T00:00:30Z"),
                        Filters.nin("event", List.of("e-1990", "e-1991"))), Filters.gt("number", 50.5))) {
                    for (int batch : new int[] {1, 7, 1_000}) {
                        assertThat(first(indexed.find(filter).sort(sort).batchSize(batch)))
                                .as("%s sorted by %s in batches of %d", filter, sort, batch)
                                .isEqualTo(first(plain.find(filter).sort(sort).batchSize(batch)));
                    }
                }
            }
            long walksNow = server.indexOrderWalks("t", "indexed");
            Bson fromTheMiddle = Filters.and(Filters.gte("timestamp", "2026-01-01T00:00:10Z"), Filters.nin("event", List.of("e-1")));
            try (var cursor = indexed.find(fromTheMiddle).sort(Sorts.ascending("timestamp", "sequence")).batchSize(100).iterator()) {
                List<Object> firstHundred = new ArrayList<>();
                while (firstHundred.size() < 100) {
                    firstHundred.add(cursor.next().get("_id"));
                }
                assertThat(firstHundred).isEqualTo(first(plain.find(fromTheMiddle).sort(Sorts.ascending("timestamp", "sequence"))
                        .limit(100)));
            }
            assertThat(server.indexOrderWalks("t", "indexed") - walksNow).as("the tracking query read in index order")
                    .isEqualTo(1);

            long countsBefore = CountDocuments.answered();
            for (Bson filter : filters) {
                assertThat(indexed.countDocuments(filter)).as("count of %s", filter).isEqualTo(plain.countDocuments(filter));
            }
            // Spring Data's count (the views' totals) sends the same pipeline
            org.springframework.data.mongodb.core.MongoTemplate template =
                    new org.springframework.data.mongodb.core.MongoTemplate(client, "t");
            assertThat(template.count(new org.springframework.data.mongodb.core.query.Query(), "indexed")).isEqualTo(DOCUMENTS);
            assertThat(template.count(org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("tags").is("odd")), "indexed")).isEqualTo(DOCUMENTS / 2);
            assertThat(CountDocuments.answered() - countsBefore).as("counts answered without the aggregation")
                    .isEqualTo(2L * filters.size() + 2);
            assertThat(indexed.countDocuments()).isEqualTo(DOCUMENTS);
            assertThat(client.getDatabase("t").getCollection("absent").countDocuments()).isZero();
            assertThat(indexed.countDocuments(Filters.eq("tags", "odd"), new com.mongodb.client.model.CountOptions().skip(10)
                    .limit(5))).isEqualTo(5);
        } finally {
            server.release();
        }
    }

    @Test
    void aCursorReadInIndexOrderGoesOnInTheCollectionAsItIsThenLikeAMongoDbCursor() {
        EmbeddedMongoServer server = EmbeddedMongoServer.acquire(new GremiumMongoProperties.Embedded(dataDir, 0, false));
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = filled(client, "events", true);
            List<Object> read = new ArrayList<>();
            try (var cursor = events.find(Filters.gte("number", 0)).sort(Sorts.ascending("number", "_id")).batchSize(10).iterator()) {
                while (read.size() < 100) {
                    read.add(cursor.next().get("_id"));
                }
                // the walk has read the first groups of values (0 to 63); the rest it reads as they are when it gets there
                events.insertOne(new Document("_id", "ahead").append("aggregate", "x").append("sequence", 1L).append("number", 90.5));
                events.insertOne(new Document("_id", "behind").append("aggregate", "x").append("sequence", 2L).append("number", 0.5));
                events.deleteOne(Filters.eq("_id", "e-90"));
                events.deleteOne(Filters.eq("_id", "e-40"));
                cursor.forEachRemaining(document -> read.add(document.get("_id")));
            }
            assertThat(read).doesNotHaveDuplicates().contains("ahead").doesNotContain("behind", "e-90", "e-40")
                    .hasSize(DOCUMENTS - 1);
        } finally {
            server.release();
        }
    }

    @Test
    void theIndexNarrowsTheDocumentsLookedAtAndFollowsUpdatesAndDeletes() {
        EmbeddedMongoServer server = EmbeddedMongoServer.acquire(new GremiumMongoProperties.Embedded(dataDir, 0, false));
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = filled(client, "events", true);

            assertThat(candidates(server, "events", "aggregate_sequence", Filters.and(Filters.eq("aggregate", "a-7"),
                    Filters.gte("sequence", 0L)))).isEqualTo(DOCUMENTS / 100);
            assertThat(candidates(server, "events", "timestamp_sequence", Filters.gte("timestamp", "2026-01-01T00:00:39Z")))
                    .isEqualTo(DOCUMENTS / 40);
            assertThat(candidates(server, "events", "number", Filters.eq("number", 5))).isEqualTo(DOCUMENTS / 100);

            events.updateOne(Filters.eq("_id", "e-7"), Updates.set("number", 1_000));
            events.deleteOne(Filters.eq("_id", "e-107"));
            assertThat(ids(events, Filters.eq("number", 7))).hasSize(DOCUMENTS / 100 - 2).doesNotContain("e-7", "e-107");
            assertThat(ids(events, Filters.eq("number", 1_000))).containsExactly("e-7");
            assertThat(ids(events, Filters.eq("aggregate", "a-7"))).doesNotContain("e-107").contains("e-7");
        } finally {
            server.release();
        }
    }

    @Test
    void afterTheStoreIsReopenedTheIndexesAreRebuiltAndUniquenessStillHolds() {
        EmbeddedMongoServer first = EmbeddedMongoServer.acquire(new GremiumMongoProperties.Embedded(dataDir, 0, false));
        try (MongoClient client = MongoClients.create(first.connectionString())) {
            filled(client, "events", true);
        } finally {
            first.release();
        }

        EmbeddedMongoServer again = EmbeddedMongoServer.acquire(new GremiumMongoProperties.Embedded(dataDir, 0, false));
        try (MongoClient client = MongoClients.create(again.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("t").getCollection("events");
            assertThat(candidates(again, "events", "aggregate_sequence", Filters.eq("aggregate", "a-7"))).isEqualTo(DOCUMENTS / 100);
            assertThat(candidates(again, "events", "timestamp_sequence", Filters.gte("timestamp", "2026-01-01T00:00:39Z")))
                    .isEqualTo(DOCUMENTS / 40);
            assertThat(ids(events, Filters.eq("aggregate", "a-7"))).hasSize(DOCUMENTS / 100);

            Document duplicate = new Document("_id", "copy").append("aggregate", "a-7").append("sequence", 3L);
            assertThatThrownBy(() -> events.insertOne(duplicate)).isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
            events.insertOne(new Document("_id", "next").append("aggregate", "a-7").append("sequence", 20L));
            assertThat(ids(events, Filters.and(Filters.eq("aggregate", "a-7"), Filters.gte("sequence", 20L))))
                    .containsExactly("next");
        } finally {
            again.release();
        }
    }

    /** A collection of database "t" with the documents below, and with the indexes below or none. */
    private static MongoCollection<Document> filled(MongoClient client, String name, boolean indexed) {
        MongoCollection<Document> collection = client.getDatabase("t").getCollection(name);
        if (indexed) {
            createIndexes(collection);
        }
        fill(collection);
        return collection;
    }

    private static void createIndexes(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending("aggregate", "sequence"), new IndexOptions().unique(true).name("aggregate_sequence"));
        collection.createIndex(Indexes.ascending("timestamp", "sequence"), new IndexOptions().name("timestamp_sequence"));
        collection.createIndex(Indexes.ascending("number"), new IndexOptions().name("number"));
        collection.createIndex(Indexes.ascending("tags"), new IndexOptions().name("tags"));
        collection.createIndex(Indexes.ascending("maybe"), new IndexOptions().name("maybe"));
    }

    /** 100 aggregates of 20 events; 40 distinct timestamps; numbers as int, long and double; arrays; absent and null fields. */
    private static void fill(MongoCollection<Document> collection) {
        List<Document> documents = new ArrayList<>();
        for (int n = 0; n < DOCUMENTS; n++) {
            Document document = new Document("_id", "e-" + n).append("event", "e-" + n)
                    .append("aggregate", "a-" + (n % 100)).append("sequence", (long) (n / 100))
                    .append("timestamp", String.format("2026-01-01T00:00:%02dZ", n % 40))
                    .append("number", switch (n % 3) {
                        case 0 -> (Object) (n % 100);
                        case 1 -> (Object) (long) (n % 100);
                        default -> (Object) (double) (n % 100);
                    })
                    .append("tags", n % 2 == 0 ? List.of("even", n < 100 ? "small" : "big") : List.of("odd"));
            if (n % 5 == 1) {
                document.append("maybe", "there");
            } else if (n % 5 == 2) {
                document.append("maybe", null);
            }
            documents.add(document);
        }
        collection.insertMany(documents);
    }

    private static Set<Object> ids(MongoCollection<Document> collection, Bson query) {
        Set<Object> ids = new HashSet<>();
        collection.find(query).forEach(document -> ids.add(document.get("_id")));
        return ids;
    }

    private static List<Object> first(Iterable<Document> documents) {
        List<Object> ids = new ArrayList<>();
        documents.forEach(document -> ids.add(document.get("_id")));
        return ids;
    }

    /** How many documents the index names for the query (the server then matches only those). */
    private static int candidates(EmbeddedMongoServer server, String collection, String indexName, Bson query) {
        de.bwaldvogel.mongo.bson.Document wireQuery = toWire(query.toBsonDocument());
        Index<Object> index = server.indexes("t", collection).stream().filter(i -> i.getName().equals(indexName))
                .findFirst().orElseThrow();
        assertThat(index.canHandle(wireQuery)).as("%s handles %s", indexName, wireQuery).isTrue();
        int count = 0;
        for (Object ignored : index.getPositions(wireQuery)) {
            count++;
        }
        return count;
    }

    /** The query as the server sees it after decoding (its own Document type, strings, longs). */
    private static de.bwaldvogel.mongo.bson.Document toWire(org.bson.BsonDocument bson) {
        Function<org.bson.BsonValue, Object> convert = new Function<>() {
            @Override
            public Object apply(org.bson.BsonValue value) {
                if (value.isDocument()) {
                    de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document();
                    for (Map.Entry<String, org.bson.BsonValue> entry : value.asDocument().entrySet()) {
                        document.put(entry.getKey(), apply(entry.getValue()));
                    }
                    return document;
                }
                if (value.isArray()) {
                    return value.asArray().stream().map(this).toList();
                }
                if (value.isString()) {
                    return value.asString().getValue();
                }
                if (value.isInt64()) {
                    return value.asInt64().getValue();
                }
                if (value.isInt32()) {
                    return value.asInt32().getValue();
                }
                throw new IllegalArgumentException("not needed here: " + value);
            }
        };
        return (de.bwaldvogel.mongo.bson.Document) convert.apply(bson);
    }
}
