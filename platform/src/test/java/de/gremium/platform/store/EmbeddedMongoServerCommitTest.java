package de.gremium.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a crash leaves on disk is whatever the last MVStore commit captured. mongo-java-server writes a
 * document in steps (the data map, then each index map), so a commit taken while another client's insert
 * is between those steps stores the document without its unique-index entry: after a crash at that point
 * the index no longer protects the document, and a retried command appended its event a second time
 * (seen once in CrashUnderLoadTest: 1,001 ProblemReportSubmitted events for 1,000 keys). The server
 * therefore commits only between operations. This test commits while eight clients insert and checks,
 * in every committed version, that each collection and its indexes hold the same documents.
 */
class EmbeddedMongoServerCommitTest {

    private static final int WRITERS = 8;
    private static final int DOCUMENTS = 5_000;

    @TempDir
    Path dataDir;

    @Test
    void everyCommittedVersionHoldsEachDocumentTogetherWithItsIndexEntries() throws Exception {
        EmbeddedMongoServer server = EmbeddedMongoServer.acquire(new GremiumMongoProperties.Embedded(dataDir, 0, false));
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger inserted = new AtomicInteger();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("commit-test").getCollection("events");
            events.createIndex(Indexes.ascending("aggregate", "sequence"), new IndexOptions().unique(true).name("unique"));
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                running.add(writers.submit(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        events.insertOne(new Document("aggregate", writer + "-" + n).append("sequence", 0L));
                        inserted.incrementAndGet();
                    }
                }));
            }
            MVStore store = server.mvStore();
            List<String> torn = new ArrayList<>();
            int commits = 0;
            while (inserted.get() < DOCUMENTS && torn.isEmpty()) {
                commits++;
                server.flush();
                long committed = store.getCurrentVersion() - 1;
                if (committed < 1) {
                    continue; // version 0: maps created after it read as they are now, not as committed
                }
                long documents = store.<Object, Object>openMap("databases.commit-test.events").openVersion(committed).sizeAsLong();
                for (String index : List.of("commit-test.events._index_unique", "commit-test.events._index__id_")) {
                    MVMap<Object, Object> entries = store.<Object, Object>openMap(index).openVersion(committed);
                    if (entries.sizeAsLong() != documents) {
                        torn.add("version " + committed + ": " + documents + " documents, " + entries.sizeAsLong()
                                + " entries in " + index);
                    }
                }
            }
            stop.set(true);
            for (Future<?> writer : running) {
                writer.get(10, TimeUnit.SECONDS);
            }
            assertThat(commits).as("commits taken while the clients inserted").isGreaterThan(100);
            assertThat(torn).as("committed versions in which a document and its index entries differ").isEmpty();
        } finally {
            stop.set(true);
            writers.shutdownNow();
            server.release();
        }
    }
}
