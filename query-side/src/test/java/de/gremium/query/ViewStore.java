package de.gremium.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.gremium.platform.store.EmbeddedMongoServer;
import de.gremium.platform.store.GremiumMongoProperties;
import de.gremium.platform.testing.TestStore;
import java.nio.file.Path;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A database of a projection test's own: on the embedded in-memory server, or on the MongoDB that
 * MONGODB_URI names. Dropped again on close.
 */
public final class ViewStore implements AutoCloseable {

    private final EmbeddedMongoServer server;
    private final MongoClient client;
    private final MongoTemplate mongo;

    private ViewStore(EmbeddedMongoServer server, MongoClient client) {
        this.server = server;
        this.client = client;
        this.mongo = new MongoTemplate(client, TestStore.uniqueDatabase());
    }

    public static ViewStore open() {
        if (TestStore.realMongo()) {
            return new ViewStore(null, MongoClients.create(System.getenv("MONGODB_URI")));
        }
        EmbeddedMongoServer server = EmbeddedMongoServer.acquire(
                new GremiumMongoProperties.Embedded(Path.of("unused"), 0, true));
        return new ViewStore(server, MongoClients.create(server.connectionString()));
    }

    public MongoTemplate mongo() {
        return mongo;
    }

    @Override
    public void close() {
        mongo.getDb().drop();
        client.close();
        if (server != null) {
            server.release();
        }
    }
}
