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
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unique indexes of the embedded server order their keys without serialising them (IndexKeyType):
 * the order is a total one that calls two keys the same exactly when they are equal, and a store written
 * by the unmodified H2 backend (keys in the order of their serialised bytes) is reordered when Gremium
 * opens it, without losing what its indexes protect.
 */
class UniqueIndexKeyOrderTest {

    private static final int DOCUMENTS = 2_000;
    private static final List<String> COLLECTIONS = List.of("events", "views");

    @TempDir
    Path dataDir;

    @Test
    void keysAreInATotalOrderThatCallsTwoKeysTheSameExactlyWhenTheyAreEqual() {
        Random random = new Random(7);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            keys.add(new KeyValue(Arrays.asList(randomValue(random), randomValue(random))));
        }
        keys.add(new KeyValue(Arrays.asList("same", 1.0)));
        keys.add(new KeyValue(Arrays.asList("same", 1.0)));
        keys.add(new KeyValue(Arrays.asList("same", 1L)));
        keys.add(new KeyValue(List.of("short")));

        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                int ab = Integer.signum(IndexKeyType.compareKeys(a, b));
                assertThat(ab).as("%s vs %s", a, b).isEqualTo(-Integer.signum(IndexKeyType.compareKeys(b, a)));
                assertThat(ab == 0).as("%s vs %s", a, b).isEqualTo(a.equals(b));
            }
        }
        List<KeyValue> sorted = new ArrayList<>(keys);
        sorted.sort(IndexKeyType::compareKeys);
        for (int i = 0; i + 2 < sorted.size(); i++) { // transitive along the sorted list and across it
            assertThat(IndexKeyType.compareKeys(sorted.get(i), sorted.get(i + 2))).isLessThanOrEqualTo(0);
            assertThat(IndexKeyType.compareKeys(sorted.get(i), sorted.get(sorted.size() - 1))).isLessThanOrEqualTo(0);
        }
        TreeSet<KeyValue> distinct = new TreeSet<>(IndexKeyType::compareKeys);
        distinct.addAll(keys);
        assertThat(distinct).hasSize((int) keys.stream().distinct().count());
    }

    @Test
    void theMarkerForAnAbsentFieldIsOneKeyWhateverInstanceItIs() throws Exception {
        Object deserialised = IndexKeyType.deserialize(IndexKeyType.serialize(Missing.getInstance()));
        assertThat(deserialised).isNotSameAs(Missing.getInstance());
        assertThat(IndexKeyType.compareKeys(new KeyValue(deserialised), new KeyValue(Missing.getInstance()))).isZero();
    }

    @Test
    void aStoreWrittenByTheUnmodifiedBackendIsReorderedWhenGremiumOpensIt() throws Exception {
        // Axon's events have ObjectIds, the views strings (H2's own data map cannot mix them in one collection)
        Path file = dataDir.resolve("gremium.mv");
        List<Document> written = new ArrayList<>();
        MongoServer stock = new MongoServer(new H2Backend(new MVStore.Builder().fileName(file.toString()).open()));
        InetSocketAddress address = stock.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            Random random = new Random(11);
            for (String name : COLLECTIONS) {
                MongoCollection<Document> collection = collection(client, name);
                collection.createIndex(Indexes.ascending("aggregate", "sequence"), new IndexOptions().unique(true).name("unique"));
                for (int i = 0; i < DOCUMENTS; i++) {
                    Object id = name.equals("events") ? new ObjectId() : "id-" + random.nextInt(1_000_000) + "-" + i;
                    Document document = new Document("_id", id).append("aggregate", "agg-" + random.nextInt(DOCUMENTS / 4))
                            .append("sequence", (long) i).append("payload", name + i);
                    collection.insertOne(document);
                    written.add(document);
                }
            }
        } finally {
            stock.shutdown(); // commits and closes the file
        }
        assertThat(Files.exists(file)).isTrue();

        EmbeddedMongoServer server = EmbeddedMongoServer.acquire(new GremiumMongoProperties.Embedded(dataDir, 0, false));
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            for (String name : COLLECTIONS) {
                MongoCollection<Document> collection = collection(client, name);
                assertThat(collection.countDocuments()).isEqualTo(DOCUMENTS);
                for (Document document : written.stream().filter(d -> d.getString("payload").startsWith(name)).toList()) {
                    assertThat(collection.find(Filters.eq("_id", document.get("_id"))).first()).isEqualTo(document);
                    assertThat(collection.find(Filters.and(Filters.eq("aggregate", document.get("aggregate")),
                            Filters.eq("sequence", document.get("sequence")))).first()).isEqualTo(document);
                    assertThatThrownBy(() -> collection.insertOne(new Document("aggregate", document.get("aggregate"))
                            .append("sequence", document.get("sequence"))))
                            .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
                    assertThatThrownBy(() -> collection.insertOne(new Document("_id", document.get("_id")).append("sequence", -1L)))
                            .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
                }
                Document first = written.stream().filter(d -> d.getString("payload").startsWith(name)).findFirst().orElseThrow();
                collection.replaceOne(Filters.eq("_id", first.get("_id")), new Document(first).append("payload", "changed"),
                        new ReplaceOptions().upsert(true));
                assertThat(collection.countDocuments()).isEqualTo(DOCUMENTS);
                assertThat(collection.find(Filters.eq("_id", first.get("_id"))).first()).containsEntry("payload", "changed");
                assertThat(server.mvStore().<String, Object>openMap(OrderedUniqueIndex.ORDERED_MAPS).keySet())
                        .contains("keyorder." + name + "._index_unique", "keyorder." + name + "._index__id_");
            }
        } finally {
            server.release();
        }
    }

    private static MongoCollection<Document> collection(MongoClient client, String name) {
        return client.getDatabase("keyorder").getCollection(name);
    }

    private static Object randomValue(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> "s" + random.nextInt(20);
            case 1 -> (double) random.nextInt(20);
            case 2 -> (long) random.nextInt(20);
            case 3 -> random.nextInt(20);
            case 4 -> random.nextBoolean();
            case 5 -> Instant.ofEpochSecond(random.nextInt(20));
            case 6 -> new Date(random.nextInt(20));
            case 7 -> new UUID(0, random.nextInt(5));
            case 8 -> new de.bwaldvogel.mongo.bson.ObjectId(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) random.nextInt(5)});
            default -> random.nextInt(4) == 0 ? null : new de.bwaldvogel.mongo.bson.Document("k", random.nextInt(5));
        };
    }
}
