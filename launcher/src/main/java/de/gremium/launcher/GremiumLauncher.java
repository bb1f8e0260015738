package de.gremium.launcher;

import de.gremium.command.CommandSideApplication;
import de.gremium.embedded.EmbeddedStores;
import de.gremium.query.QuerySideApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The zero-setup default: command side (port 8080) and query side (port 8081) in one JVM, on an embedded
 * PostgreSQL for the record and an embedded view store, both with their data under {@code ./data}, unless
 * {@code POSTGRES_URL} or {@code MONGODB_URI} name real servers. The two sides are separate Spring contexts that
 * share nothing but the stores, exactly as when they run as two processes; the query side learns about events
 * only by reading the record.
 *
 * <p>Settings, from arguments ({@code --gremium.data-dir=...}) or the environment ({@code GREMIUM_DATA_DIR}):
 * {@code gremium.data-dir} ({@code ./data}), {@code gremium.postgres-port} (54329), {@code gremium.embedded-port}
 * (the view store's, 27777), {@code gremium.database} ({@code gremium}); {@code postgres.url} and
 * {@code mongodb.uri} switch the embedded servers off.
 */
public final class GremiumLauncher {

    private GremiumLauncher() {
    }

    public static void main(String[] args) {
        Starting starting = new Starting();
        // registered before anything starts: a stop during the start closes what has started, the PostgreSQL too
        Runtime.getRuntime().addShutdownHook(new Thread(starting::close, "gremium-shutdown"));
        start(starting, args);
    }

    public static Running start(String... args) {
        return start(new Starting(), args);
    }

    private static Running start(Starting starting, String... args) {
        StandardEnvironment settings = new StandardEnvironment();
        settings.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        boolean ownPostgres = blank(settings.getProperty("postgres.url")) && blank(settings.getProperty("spring.datasource.url"));
        boolean ownViews = blank(settings.getProperty("mongodb.uri")) && blank(settings.getProperty("gremium.mongodb.uri"));
        try {
            starting.stores = EmbeddedStores.start(Path.of(settings.getProperty("gremium.data-dir", "./data")),
                    ownPostgres ? settings.getProperty("gremium.postgres-port", Integer.class, 54329) : -1,
                    ownViews ? settings.getProperty("gremium.embedded-port", Integer.class, 27777) : -1,
                    settings.getProperty("gremium.database", "gremium"));
            List<String> sideArgs = new ArrayList<>(starting.stores.arguments());
            sideArgs.addAll(List.of(args)); // what the caller says wins over the embedded defaults
            String[] all = sideArgs.toArray(String[]::new);
            starting.commandSide = CommandSideApplication.start(all);
            starting.querySide = QuerySideApplication.start(all);
            return new Running(starting.stores, starting.commandSide, starting.querySide);
        } catch (RuntimeException e) {
            starting.close();
            throw e;
        }
    }

    /** What has started so far; closed in the reverse order, whatever has not started yet skipped. */
    private static final class Starting {
        volatile EmbeddedStores stores;
        volatile ConfigurableApplicationContext commandSide;
        volatile ConfigurableApplicationContext querySide;

        synchronized void close() {
            try {
                if (querySide != null) {
                    querySide.close();
                }
                if (commandSide != null) {
                    commandSide.close();
                }
            } finally {
                if (stores != null) {
                    stores.close();
                }
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * Both sides and the embedded stores. Closed query side first, so that its processors stop and store their
     * tokens, then the command side, then the stores they used.
     */
    public record Running(EmbeddedStores stores, ConfigurableApplicationContext commandSide,
            ConfigurableApplicationContext querySide) implements AutoCloseable {
        @Override
        public void close() {
            try {
                querySide.close();
                commandSide.close();
            } finally {
                stores.close();
            }
        }
    }
}
