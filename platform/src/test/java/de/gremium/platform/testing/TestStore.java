package de.gremium.platform.testing;

import de.gremium.embedded.EmbeddedPostgresServer;
import de.gremium.embedded.EmbeddedViewServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Store settings for tests, as command-line arguments (they outrank every properties file): a record and a
 * view store of the test's own.
 *
 * <p>The record: with {@code POSTGRES_URL} (and {@code POSTGRES_USER}, {@code POSTGRES_PASSWORD}) set, a new
 * database on that real PostgreSQL; otherwise a new database on one embedded PostgreSQL that this JVM starts
 * once (fsync off: nothing in it outlives the run). The views: with {@code MONGODB_URI} set, a new database on
 * that real MongoDB; otherwise a new database on one in-memory view server of this JVM.
 */
public final class TestStore {

    private static EmbeddedPostgresServer postgres;
    private static EmbeddedViewServer views;

    private TestStore() {
    }

    public static boolean realMongo() {
        return isSet(System.getenv("MONGODB_URI"));
    }

    public static boolean realPostgres() {
        return isSet(System.getenv("POSTGRES_URL"));
    }

    /** Arguments for a record and a view store of this test's own. */
    public static List<String> fresh() {
        String database = newRecord();
        List<String> args = new ArrayList<>(common());
        args.addAll(record(database));
        args.addAll(views(database));
        return args;
    }

    /** Arguments pointing at the record {@code database} (made with {@link #newRecord()}). */
    public static List<String> record(String database) {
        if (realPostgres()) {
            return List.of("--spring.datasource.url=" + withDatabase(System.getenv("POSTGRES_URL"), database),
                    "--spring.datasource.username=" + nullToEmpty(System.getenv("POSTGRES_USER")),
                    "--spring.datasource.password=" + nullToEmpty(System.getenv("POSTGRES_PASSWORD")));
        }
        return List.of("--spring.datasource.url=" + sharedPostgres().jdbcUrl(database),
                "--spring.datasource.username=" + EmbeddedPostgresServer.USER,
                "--spring.datasource.password=" + sharedPostgres().password());
    }

    /** Arguments pointing at the view store's {@code database}. */
    public static List<String> views(String database) {
        return List.of("--gremium.mongodb.uri=" + viewsUri(), "--gremium.mongodb.database=" + database);
    }

    /** The connection string of the view store the tests use (no database). */
    public static String viewsUri() {
        return realMongo() ? System.getenv("MONGODB_URI") : sharedViews().connectionString();
    }

    /** A new, empty record database; its name. */
    public static String newRecord() {
        String database = uniqueDatabase();
        createDatabase(database);
        return database;
    }

    /** The JDBC URL of a record database made by this class, for tests that read the record directly. */
    public static String jdbcUrl(String database) {
        return realPostgres() ? withDatabase(System.getenv("POSTGRES_URL"), database) : sharedPostgres().jdbcUrl(database);
    }

    /** A data source on a record database made by this class, migrated to the record's schema. */
    public static DataSource migratedDataSource(String database) {
        DataSource dataSource = dataSource(database);
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }

    /** A data source on a record database made by this class, as it is: for tests of the migrations themselves. */
    public static DataSource dataSource(String database) {
        return realPostgres()
                ? new DriverManagerDataSource(jdbcUrl(database), System.getenv("POSTGRES_USER"), System.getenv("POSTGRES_PASSWORD"))
                : new DriverManagerDataSource(jdbcUrl(database), EmbeddedPostgresServer.USER, sharedPostgres().password());
    }

    public static Connection connect(String database) throws SQLException {
        return realPostgres()
                ? DriverManager.getConnection(jdbcUrl(database), System.getenv("POSTGRES_USER"), System.getenv("POSTGRES_PASSWORD"))
                : DriverManager.getConnection(jdbcUrl(database), EmbeddedPostgresServer.USER, sharedPostgres().password());
    }

    public static String uniqueDatabase() {
        return "gremium_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The setting that switches the command side's postman rounds off ({@link #common()}). */
    public static final String POSTMAN_OFF = "gremium.notifications.postman.enabled=false";

    /**
     * Settings every test context shares: any free port, quiet logs, processors that poll often, no postman rounds
     * (they would turn the outbox's letters HELD behind a test's back; a test that wants them starts a context without
     * this setting, as PostmanScheduleTest does).
     */
    public static List<String> common() {
        return List.of("--server.port=0", "--logging.level.root=WARN", "--logging.level.de.gremium=INFO",
                "--gremium.record.fetch-delay=20ms", "--" + POSTMAN_OFF);
    }

    private static void createDatabase(String database) {
        if (realPostgres()) {
            try (Connection admin = DriverManager.getConnection(System.getenv("POSTGRES_URL"), System.getenv("POSTGRES_USER"),
                    System.getenv("POSTGRES_PASSWORD")); Statement create = admin.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create test database " + database + ": " + e.getMessage(), e);
            }
        } else {
            sharedPostgres().createDatabaseIfMissing(database);
        }
    }

    static {
        // every fresh() makes its own database; the embedded servers go when the test JVM ends
        Runtime.getRuntime().addShutdownHook(new Thread(TestStore::stopShared, "test-store-shutdown"));
    }

    private static synchronized EmbeddedPostgresServer sharedPostgres() {
        if (postgres == null) {
            try {
                Path dir = Files.createTempDirectory("gremium-test-postgres");
                postgres = EmbeddedPostgresServer.start(dir.resolve("data"), 0, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    private static synchronized EmbeddedViewServer sharedViews() {
        if (views == null) {
            views = EmbeddedViewServer.inMemory(0);
        }
        return views;
    }

    private static synchronized void stopShared() {
        if (views != null) {
            views.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static String withDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String rest = query < 0 ? "" : jdbcUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + rest;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
