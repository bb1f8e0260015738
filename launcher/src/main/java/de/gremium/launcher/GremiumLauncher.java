package de.gremium.launcher;

import de.gremium.command.CommandSideApplication;
import de.gremium.embedded.EmbeddedStores;
import de.gremium.intranet.IntranetApplication;
import de.gremium.query.QuerySideApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The zero-setup default: command side (port 8080), query side (port 8081) and the intranet (port 8082) in one JVM,
 * on an embedded PostgreSQL for the record and an embedded view store, both with their data under {@code ./data},
 * unless {@code POSTGRES_URL} or {@code MONGODB_URI} name real servers. The two sides are separate Spring contexts
 * that share nothing but the stores, exactly as when they run as two processes; the query side learns about events
 * only by reading the record. The intranet, a third context started last, knows the sides only by their addresses
 * (their actual ports, so that port 0 works too) and calls them over HTTP as it does when it runs alone.
 *
 * <p>Settings, from arguments ({@code --gremium.data-dir=...}) or the environment ({@code GREMIUM_DATA_DIR}):
 * {@code gremium.data-dir} ({@code ./data}), {@code gremium.postgres-port} (54329), {@code gremium.embedded-port}
 * (the view store's, 27777), {@code gremium.database} ({@code gremium}); {@code postgres.url} and
 * {@code mongodb.uri} switch the embedded servers off; {@code gremium.intranet-port} (otherwise the intranet's
 * {@code INTRANET_PORT}, 8082).
 */
public final class GremiumLauncher {

    private GremiumLauncher() {
    }

    public static void main(String[] args) {
        Starting starting = new Starting();
        // registered before anything starts: a stop during the start closes what has started, the PostgreSQL too
        Runtime.getRuntime().addShutdownHook(new Thread(starting::close, "gremium-shutdown"));
        Running running = start(starting, args);
        // loopback by default (server.address, docs/security.md): the address a person types
        System.out.println("Intranet: " + address(running.intranet()).replace("://127.0.0.1:", "://localhost:") + "/");
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
            starting.intranet = IntranetApplication.start(intranetArguments(settings, starting, args));
            return new Running(starting.stores, starting.commandSide, starting.querySide, starting.intranet);
        } catch (RuntimeException e) {
            starting.close();
            throw e;
        }
    }

    /**
     * The caller's arguments (logging, the address to bind) without the stores' (the intranet has none), after the
     * sides' addresses, so that a caller's {@code --gremium.intranet.command-api} still wins; then the intranet's
     * own port if {@code gremium.intranet-port} is set.
     */
    private static String[] intranetArguments(StandardEnvironment settings, Starting starting, String... args) {
        List<String> intranetArgs = new ArrayList<>(List.of(
                "--gremium.intranet.command-api=" + address(starting.commandSide),
                "--gremium.intranet.query-api=" + address(starting.querySide)));
        intranetArgs.addAll(List.of(args));
        String port = settings.getProperty("gremium.intranet-port");
        if (!blank(port)) {
            intranetArgs.add("--server.port=" + port.trim());
        }
        return intranetArgs.toArray(String[]::new);
    }

    /** Where a started context answers: its bound address (localhost when it binds to all) and actual port. */
    static String address(ConfigurableApplicationContext context) {
        String host = context.getEnvironment().getProperty("server.address");
        if (blank(host) || "0.0.0.0".equals(host.trim()) || "::".equals(host.trim())) {
            host = "localhost";
        }
        return "http://" + host.trim() + ":" + context.getEnvironment().getRequiredProperty("local.server.port");
    }

    /** What has started so far; closed in the reverse order, whatever has not started yet skipped. */
    private static final class Starting {
        volatile EmbeddedStores stores;
        volatile ConfigurableApplicationContext commandSide;
        volatile ConfigurableApplicationContext querySide;
        volatile ConfigurableApplicationContext intranet;

        synchronized void close() {
            try {
                if (intranet != null) {
                    intranet.close();
                }
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
     * Both sides, the intranet and the embedded stores. Closed intranet first (no page calls a closed API), then
     * the query side, so that its processors stop and store their tokens, then the command side, then the stores
     * they used.
     */
    public record Running(EmbeddedStores stores, ConfigurableApplicationContext commandSide,
            ConfigurableApplicationContext querySide, ConfigurableApplicationContext intranet) implements AutoCloseable {
        @Override
        public void close() {
            try {
                intranet.close();
                querySide.close();
                commandSide.close();
            } finally {
                stores.close();
            }
        }
    }
}
