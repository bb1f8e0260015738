package de.gremium.launcher;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import de.gremium.platform.store.GremiumMongoProperties;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** The whole system started as the README's run command starts it, on a store of the test's own. */
final class RunningSystem implements AutoCloseable {

    final Path dataDir;
    final int storePort;
    final String database;
    final GremiumLauncher.Running running;
    final Http command;
    final Http query;

    private RunningSystem(Path dataDir, int storePort, String database, List<String> extraArgs) {
        this.dataDir = dataDir;
        this.storePort = storePort;
        this.database = database;
        List<String> args = new ArrayList<>(TestStore.onDisk(dataDir, storePort, database));
        args.addAll(extraArgs);
        this.running = GremiumLauncher.start(args.toArray(String[]::new));
        this.command = Http.on(Ports.of(running.commandSide()));
        this.query = Http.on(Ports.of(running.querySide()));
    }

    static RunningSystem start(Path dataDir, String... extraArgs) {
        return new RunningSystem(dataDir, TestStore.freePort(),
                TestStore.realMongo() ? TestStore.uniqueDatabase() : "gremium", List.of(extraArgs));
    }

    /** Starts on a store that already exists (left behind by another process). */
    static RunningSystem onExisting(Path dataDir, int storePort, String database) {
        return new RunningSystem(dataDir, storePort, database, List.of());
    }

    /** Starts again on the same store, as after a restart of the process. */
    RunningSystem restart(String... extraArgs) {
        close();
        return new RunningSystem(dataDir, storePort, database, List.of(extraArgs));
    }

    MongoCollection<Document> collection(String name) {
        MongoClient client = running.commandSide().getBean(MongoClient.class);
        String db = running.commandSide().getBean(GremiumMongoProperties.class).database();
        return client.getDatabase(db).getCollection(name);
    }

    List<Document> eventsOf(String aggregateId) {
        return collection("domainevents").find(new Document("aggregateIdentifier", aggregateId))
                .sort(new Document("sequenceNumber", 1)).into(new ArrayList<>());
    }

    @Override
    public void close() {
        running.close();
    }
}
