package de.gremium.bench;

import de.gremium.embedded.EmbeddedPostgresServer;
import de.gremium.launcher.GremiumLauncher;
import de.gremium.query.QuerySideApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole system in this JVM, as {@code java -jar gremium-exec.jar} runs it ({@link GremiumLauncher#start}): the
 * embedded PostgreSQL (durable) and view store in a fresh temporary data folder, both sides on random loopback
 * ports. The query side can be restarted with other settings (the rebuild without batched view writes). Closing
 * stops everything and deletes the folder.
 */
final class GremiumUnderTest implements AutoCloseable {

    /** The bean of the query side that registers the batched view writes (ViewWritesConfiguration). */
    static final String BATCHED_VIEW_WRITES_BEAN = "batchedViewWrites";

    private final Path dataDir;
    private final GremiumLauncher.Running running;
    private final String[] querySideArgs;
    private ConfigurableApplicationContext querySide;
    private boolean batchedViewWrites = true;
    private boolean closed;

    private GremiumUnderTest(Path dataDir, GremiumLauncher.Running running, String[] querySideArgs) {
        this.dataDir = dataDir;
        this.running = running;
        this.querySideArgs = querySideArgs;
        this.querySide = running.querySide();
    }

    static GremiumUnderTest start(Map<String, String> overrides) throws IOException {
        Path dataDir = Files.createTempDirectory("gremium-bench-");
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("gremium.data-dir", dataDir.toString());
        properties.put("gremium.postgres-port", Integer.toString(freePort()));
        properties.put("gremium.embedded-port", Integer.toString(freePort()));
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("logging.level.root", "WARN");
        properties.put("spring.main.banner-mode", "off");
        properties.putAll(overrides);
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        try {
            GremiumLauncher.Running running = GremiumLauncher.start(args);
            // as the launcher passes them to the query side: the embedded stores' addresses, then the caller's arguments
            List<String> queryArgs = new ArrayList<>(running.stores().arguments());
            queryArgs.addAll(List.of(args));
            return new GremiumUnderTest(dataDir, running, queryArgs.toArray(String[]::new));
        } catch (RuntimeException | Error e) {
            deleteRecursively(dataDir);
            throw e;
        }
    }

    /**
     * Stops the query side and starts it again on the same stores, with or without the batched view writes. Without
     * them, it is started as {@link QuerySideApplication#start} does, plus {@link WithoutBatchedViewWrites}, which
     * removes the bean that registers {@code FlushViewWrites}: every view write goes to the store in its event's handler.
     */
    synchronized void restartQuerySide(boolean batched) {
        querySide.close();
        querySide = batched ? QuerySideApplication.start(querySideArgs)
                : new SpringApplicationBuilder(QuerySideApplication.class).main(QuerySideApplication.class)
                        .properties(QuerySideApplication.CONFIG_NAME)
                        .initializers(new WithoutBatchedViewWrites()).run(querySideArgs);
        batchedViewWrites = querySide.getBeansOfType(ConfigurerModule.class).containsKey(BATCHED_VIEW_WRITES_BEAN);
        if (batchedViewWrites != batched) {
            throw new BenchFailure("the query side restarted with batched view writes " + (batchedViewWrites ? "on" : "off")
                    + ", not " + (batched ? "on" : "off"));
        }
    }

    boolean batchedViewWrites() {
        return batchedViewWrites;
    }

    int commandPort() {
        return port(running.commandSide());
    }

    synchronized int queryPort() {
        return port(querySide);
    }

    String database() {
        return running.commandSide().getEnvironment().getProperty("gremium.database", "gremium");
    }

    String jdbcUrl() {
        return postgres().jdbcUrl(database());
    }

    String viewStoreUri() {
        return running.stores().views().orElseThrow(() -> new BenchFailure("no embedded view store")).connectionString();
    }

    /** The PostgreSQL server's process tree (the postmaster of the data folder). */
    Optional<ProcessHandle> postmaster() {
        return OsProcesses.postmaster(postgres().dataDir());
    }

    /** PostgreSQL's CPU so far in nanoseconds, -1 if it cannot be read. */
    long postgresCpuNanos() {
        return postmaster().map(OsProcesses::treeCpuNanos).orElse(-1L);
    }

    EmbeddedPostgresServer postgres() {
        return running.stores().postgres().orElseThrow(() -> new BenchFailure("no embedded PostgreSQL"));
    }

    /** The command side's gateway: the bulk preload sends its commands through it, in this process. */
    CommandGateway commandGateway() {
        return running.commandSide().getBean(CommandGateway.class);
    }

    synchronized EventProcessingConfiguration queryProcessing() {
        return querySide.getBean(EventProcessingConfiguration.class);
    }

    EventProcessingConfiguration commandProcessing() {
        return running.commandSide().getBean(EventProcessingConfiguration.class);
    }

    /** A property as the query side sees it. */
    synchronized String queryProperty(String name, String fallback) {
        return querySide.getEnvironment().getProperty(name, fallback);
    }

    Path dataDir() {
        return dataDir;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            querySide.close(); // the restarted one, if any; closing the launcher's closed one again does nothing
            running.close();
        } catch (RuntimeException e) {
            System.err.println("stopping the system failed: " + e);
        } finally {
            deleteRecursively(dataDir);
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        if (port == null) {
            throw new BenchFailure(context.getId() + " has no local.server.port");
        }
        return Integer.parseInt(port);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
