package de.gremium.launcher;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.RecordRows;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.view.ViewStoreProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The whole system started as the README's run command starts it: the launcher with its embedded PostgreSQL and
 * view store in a data folder of the test's own (with {@code POSTGRES_URL} or {@code MONGODB_URI} set, a new
 * database on those real servers instead). Public for the browser tests ({@code de.gremium.launcher.intranet}).
 */
public final class RunningSystem implements AutoCloseable {

    final Path dataDir;
    final int postgresPort;
    final int viewsPort;
    final List<String> storeArgs;
    public final GremiumLauncher.Running running;
    public final Http command;
    public final Http query;

    private RunningSystem(Path dataDir, int postgresPort, int viewsPort, List<String> storeArgs, List<String> extraArgs) {
        this.dataDir = dataDir;
        this.postgresPort = postgresPort;
        this.viewsPort = viewsPort;
        this.storeArgs = storeArgs;
        List<String> args = new ArrayList<>(TestStore.common());
        if (extraArgs.stream().anyMatch(arg -> arg.startsWith(POSTMAN_SETTING))) {
            args.remove("--" + TestStore.POSTMAN_OFF); // the test decides (a second value would make a list)
        }
        args.addAll(storeArgs);
        args.addAll(extraArgs);
        this.running = GremiumLauncher.start(args.toArray(String[]::new));
        this.command = Http.on(Ports.of(running.commandSide()));
        this.query = Http.on(Ports.of(running.querySide()));
    }

    /** The setting of the command side's postman rounds, off in tests unless a test names it ({@link TestStore#common()}). */
    public static final String POSTMAN_SETTING = "--gremium.notifications.postman.enabled=";

    public static RunningSystem start(Path dataDir, String... extraArgs) {
        int postgresPort = TestStore.freePort();
        int viewsPort = TestStore.freePort();
        return new RunningSystem(dataDir, postgresPort, viewsPort, storeArgs(dataDir, postgresPort, viewsPort), List.of(extraArgs));
    }

    /**
     * Launcher arguments for the data folder and the embedded servers' ports, or for a record and views of the
     * test's own on the real servers the environment names.
     */
    static List<String> storeArgs(Path dataDir, int postgresPort, int viewsPort) {
        List<String> args = new ArrayList<>(List.of("--gremium.data-dir=" + dataDir.toAbsolutePath(),
                "--gremium.postgres-port=" + postgresPort, "--gremium.embedded-port=" + viewsPort));
        String database = TestStore.uniqueDatabase();
        if (TestStore.realPostgres()) {
            args.addAll(TestStore.record(TestStore.newRecord()));
        }
        if (TestStore.realMongo()) {
            args.addAll(TestStore.views(database));
        }
        return args;
    }

    /** Starts on the data folder and ports that another process (killed, perhaps) used before. */
    static RunningSystem on(Path dataDir, int postgresPort, int viewsPort, List<String> storeArgs) {
        return new RunningSystem(dataDir, postgresPort, viewsPort, storeArgs, List.of());
    }

    /** Starts again on the same stores, as after a restart of the process. */
    RunningSystem restart(String... extraArgs) {
        close();
        return new RunningSystem(dataDir, postgresPort, viewsPort, storeArgs, List.of(extraArgs));
    }

    /** The record's event rows, read past Axon. */
    RecordRows record() {
        return RecordRows.of(running.commandSide());
    }

    List<RecordRows.Row> eventsOf(String aggregateId) {
        return record().ofAggregate(aggregateId);
    }

    /** The query side's view store. */
    MongoDatabase views() {
        return running.querySide().getBean(MongoClient.class)
                .getDatabase(running.querySide().getBean(ViewStoreProperties.class).database());
    }

    MongoCollection<Document> view(String name) {
        return views().getCollection(name);
    }

    @Override
    public void close() {
        running.close();
    }
}
