package de.gremium.launcher;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.gremium.embedded.EmbeddedPostgresServer;
import de.gremium.embedded.EmbeddedStores;
import de.gremium.platform.testing.RecordRows;
import de.gremium.platform.testing.TestStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A PostgreSQL and a view store that outlive the processes of a test, as an operator's servers do: started here
 * (embedded, in a folder of the test's own) unless {@code POSTGRES_URL} / {@code MONGODB_URI} name real ones, in
 * which case the test gets new databases on them. {@link #args()} points a side at them.
 */
final class StandaloneStores implements AutoCloseable {

    private final EmbeddedStores embedded;
    private final List<String> args;
    private final String viewsDatabase;
    private final DriverManagerDataSource record;
    private final MongoClient client;

    private StandaloneStores(EmbeddedStores embedded, List<String> args, String viewsUri, String viewsDatabase,
            DriverManagerDataSource record) {
        this.embedded = embedded;
        this.args = args;
        this.viewsDatabase = viewsDatabase;
        this.record = record;
        this.client = MongoClients.create(viewsUri);
    }

    static StandaloneStores start(Path dataDir) {
        boolean ownPostgres = !TestStore.realPostgres();
        boolean ownViews = !TestStore.realMongo();
        String database = ownPostgres ? "gremium" : TestStore.newRecord();
        String viewsDatabase = ownViews ? "gremium" : TestStore.uniqueDatabase();
        EmbeddedStores embedded = EmbeddedStores.start(dataDir, ownPostgres ? TestStore.freePort() : -1,
                ownViews ? TestStore.freePort() : -1, "gremium");
        List<String> args = new ArrayList<>(embedded.arguments());
        if (!ownPostgres) {
            args.addAll(TestStore.record(database));
        }
        if (!ownViews) {
            args.addAll(TestStore.views(viewsDatabase));
        }
        String url = embedded.postgres().map(p -> p.jdbcUrl("gremium")).orElseGet(() -> TestStore.jdbcUrl(database));
        DriverManagerDataSource record = ownPostgres ? new DriverManagerDataSource(url, EmbeddedPostgresServer.USER,
                embedded.postgres().orElseThrow().password())
                : new DriverManagerDataSource(url, System.getenv("POSTGRES_USER"), System.getenv("POSTGRES_PASSWORD"));
        String viewsUri = embedded.views().map(v -> v.connectionString()).orElseGet(() -> System.getenv("MONGODB_URI"));
        return new StandaloneStores(embedded, args, viewsUri, viewsDatabase, record);
    }

    /** Arguments that point a side at these stores. */
    List<String> args() {
        return args;
    }

    RecordRows record() {
        return RecordRows.of(record);
    }

    MongoDatabase views() {
        return client.getDatabase(viewsDatabase);
    }

    EmbeddedStores embedded() {
        return embedded;
    }

    @Override
    public void close() {
        client.close();
        embedded.close();
    }
}
