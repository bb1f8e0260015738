package de.gremium.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long {@code $nin} of strings, as Axon's tracking query sends it, is answered from a hash set
 * (NotInStrings): the embedded server finds exactly what the unmodified server finds, for strings,
 * absent fields, null, arrays, numbers and sub-documents, alone, with other conditions, inside
 * {@code $and}, and read in index order in batches.
 */
class NotInStringsTest {

    private static final List<String> SEEN = IntStream.range(0, 400).filter(i -> i % 3 == 0).mapToObj(i -> "e-" + i).toList();

    @TempDir
    Path dataDir;

    @Test
    void aLongNotInOfStringsFindsWhatTheUnmodifiedServerFinds() {
        List<Bson> queries = List.of(
                Filters.nin("event", SEEN),
                Filters.and(Filters.gte("timestamp", 100), Filters.nin("event", SEEN)),
                new Document("timestamp", new Document("$gte", 100)).append("event", new Document("$nin", SEEN)),
                Filters.and(Filters.nin("event", SEEN), Filters.eq("event", "e-4")),
                Filters.and(Filters.nin("event", SEEN), Filters.eq("event", "e-3")),
                Filters.or(Filters.nin("event", SEEN), Filters.eq("timestamp", 3)),
                Filters.nin("event", new ArrayList<Object>(SEEN) { { add(5); } })); // not only strings: the matcher's
        MongoServer stock = new MongoServer(new H2Backend(new MVStore.Builder().open()));
        InetSocketAddress address = stock.bind();
        EmbeddedMongoServer server = EmbeddedMongoServer.acquire(new GremiumMongoProperties.Embedded(dataDir, 0, false));
        try (MongoClient reference = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
                MongoClient embedded = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> expected = filled(reference);
            MongoCollection<Document> actual = filled(embedded);
            long answeredBefore = NotInStrings.answered();
            for (Bson query : queries) {
                assertThat(ids(actual.find(query))).as(query.toString()).isEqualTo(ids(expected.find(query)));
                Bson sort = Sorts.ascending("timestamp", "_id");
                assertThat(ids(actual.find(query).sort(sort).batchSize(50))).as("%s in index order", query)
                        .isEqualTo(ids(expected.find(query).sort(sort).batchSize(50)));
            }
            assertThat(NotInStrings.answered() - answeredBefore).as("candidates answered from the set").isGreaterThan(1_000);
        } finally {
            server.release();
            stock.shutdownNow();
        }
    }

    private static MongoCollection<Document> filled(MongoClient client) {
        MongoCollection<Document> events = client.getDatabase("t").getCollection("events");
        events.createIndex(Indexes.ascending("timestamp", "_id"), new IndexOptions().name("timestamp_id"));
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Document document = new Document("_id", "d-" + i).append("timestamp", i);
            switch (i % 10) {
                case 7 -> { } // no event field
                case 8 -> document.append("event", null);
                case 9 -> document.append("event", List.of("e-" + (i - 3), "other"));
                default -> document.append("event", i % 20 == 5 ? (Object) 5 : i % 20 == 15
                        ? new Document("id", "e-" + i) : "e-" + i);
            }
            documents.add(document);
        }
        events.insertMany(documents);
        return events;
    }

    private static List<Object> ids(Iterable<Document> documents) {
        List<Object> ids = new ArrayList<>();
        documents.forEach(document -> ids.add(document.get("_id")));
        return ids;
    }
}
