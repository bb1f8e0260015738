package de.gremium.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.gremium.platform.testing.TestStore;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A view database of a test's own: on the JVM's shared in-memory view server, or on the MongoDB that MONGODB_URI
 * names (whichever {@link TestStore} uses). Dropped again on close.
 */
public final class ViewStore implements AutoCloseable {


    private final MongoClient client;
    private final MongoTemplate mongo;

    private ViewStore(MongoClient client, String database) {
        this.client = client;
        this.mongo = new MongoTemplate(client, database);
    }

    public static ViewStore open() {
        return open(TestStore.uniqueDatabase());
    }

    /** The view database {@code database} (an existing one, e.g. of a query side under test, or a new one). */
    public static ViewStore open(String database) {
        return new ViewStore(MongoClients.create(uri()), database);
    }

    /** The connection string of the view store {@link TestStore} gives the tests. */
    public static String uri() {
        return TestStore.viewsUri();
    }

    public MongoTemplate mongo() {
        return mongo;
    }

    public MongoClient client() {
        return client;
    }

    /** Drops the database and closes the connection. */
    @Override
    public void close() {
        mongo.getDb().drop();
        client.close();
    }

    /** Closes the connection and leaves the database as it is. */
    public void disconnect() {
        client.close();
    }
}
