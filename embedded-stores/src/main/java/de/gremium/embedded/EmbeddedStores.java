package de.gremium.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The databases of the zero-setup default in one data folder: the record's PostgreSQL in {@code postgres/},
 * the views in {@code views/}. Either is started only when no real server is configured for it. Both listen on
 * 127.0.0.1 only; the folder is made accessible to its owner only (0700). PostgreSQL asks for a password kept in
 * {@code postgres.password}; the view store (mongo-java-server) cannot authenticate anyone, so loopback is its only
 * fence: any process of the same machine may connect to it. The folder of
 * an earlier Gremium, whose record was an embedded MongoDB file, is refused, never touched.
 */
public final class EmbeddedStores implements AutoCloseable {

    /** The file in which Gremium up to 0.1 kept its events (embedded MongoDB on H2). */
    static final String FORMER_RECORD_FILE = "gremium.mv";

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedViewServer views;
    private final String database;

    private EmbeddedStores(EmbeddedPostgresServer postgres, EmbeddedViewServer views, String database) {
        this.postgres = postgres;
        this.views = views;
        this.database = database;
    }

    /**
     * @param dataDir      the data folder ({@code GREMIUM_DATA_DIR})
     * @param postgresPort port of the embedded PostgreSQL, or -1 when a real one is configured
     * @param viewsPort    port of the embedded view store, or -1 when a real MongoDB is configured
     * @param database     name of the database in each
     */
    public static EmbeddedStores start(Path dataDir, int postgresPort, int viewsPort, String database) {
        refuseFormerDataFolder(dataDir);
        EmbeddedPostgresServer postgres = null;
        try {
            OwnerOnly.folder(dataDir); // also a folder of an earlier version, made with the default umask
            if (postgresPort >= 0) {
                postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), postgresPort, true);
                postgres.createDatabaseIfMissing(database);
            }
            EmbeddedViewServer views = viewsPort >= 0 ? EmbeddedViewServer.onDisk(dataDir.resolve("views"), viewsPort) : null;
            return new EmbeddedStores(postgres, views, database);
        } catch (IOException e) {
            throw new UncheckedIOException("the data folder " + dataDir + " could not be made private: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
    }

    /**
     * Refuses the data folder of an earlier version: its events are in an embedded MongoDB file, which this
     * version cannot read. Nothing in it is deleted or rewritten (docs/adr/0003-record-in-postgresql.md).
     */
    static void refuseFormerDataFolder(Path dataDir) {
        Path former = dataDir.resolve(FORMER_RECORD_FILE);
        if (Files.exists(former)) {
            throw new FormerDataFolderException(dataDir.toAbsolutePath().normalize(), former.toAbsolutePath().normalize());
        }
    }

    public Optional<EmbeddedPostgresServer> postgres() {
        return Optional.ofNullable(postgres);
    }

    public Optional<EmbeddedViewServer> views() {
        return Optional.ofNullable(views);
    }

    /** Spring Boot arguments that point both sides at the servers started here. */
    public List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        if (postgres != null) {
            arguments.add("--spring.datasource.url=" + postgres.jdbcUrl(database));
            arguments.add("--spring.datasource.username=" + EmbeddedPostgresServer.USER);
            arguments.add("--spring.datasource.password=" + postgres.password());
        }
        if (views != null) {
            arguments.add("--gremium.mongodb.uri=" + views.connectionString());
            arguments.add("--gremium.mongodb.database=" + database);
        }
        return arguments;
    }

    /** Stops the view store, then PostgreSQL; call after everything that uses them has stopped. */
    @Override
    public void close() {
        try {
            if (views != null) {
                views.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** The data folder holds an earlier version's record. */
    public static final class FormerDataFolderException extends IllegalStateException {
        FormerDataFolderException(Path dataDir, Path former) {
            super("The data folder " + dataDir + " was written by an earlier Gremium, which kept its events in an embedded "
                    + "MongoDB file (" + former + "). This version keeps its record in PostgreSQL and cannot read that file, "
                    + "so it does not start on this folder and leaves it untouched. Start it on a new folder "
                    + "(GREMIUM_DATA_DIR=/path/to/new/folder), or keep running the earlier version on this one; see "
                    + "'Data from an earlier version' in the README.");
        }
    }
}
