package de.gremium.bench;

import de.gremium.command.CommandSideApplication;
import de.gremium.platform.store.Durability;
import de.gremium.query.QuerySideApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole system in this JVM, as {@code java -jar gremium.jar} runs it: command side and query side
 * on the embedded default (mongo-java-server with the H2 MVStore file backend) in a fresh temporary
 * data folder, HTTP on random loopback ports. Closing stops it and deletes the folder.
 */
final class GremiumUnderTest implements AutoCloseable {

    private static final String LAUNCHER = "de.gremium.launcher.GremiumLauncher";

    private final Path dataDir;
    private final int mongoPort;
    private final AutoCloseable running;
    private final ConfigurableApplicationContext commandSide;
    private final ConfigurableApplicationContext querySide;
    private final String startedBy;
    private boolean closed;

    private GremiumUnderTest(Path dataDir, int mongoPort, AutoCloseable running, ConfigurableApplicationContext commandSide,
            ConfigurableApplicationContext querySide, String startedBy) {
        this.dataDir = dataDir;
        this.mongoPort = mongoPort;
        this.running = running;
        this.commandSide = commandSide;
        this.querySide = querySide;
        this.startedBy = startedBy;
    }

    static GremiumUnderTest start(Map<String, String> overrides) throws IOException {
        Path dataDir = Files.createTempDirectory("gremium-bench-");
        int mongoPort = freePort();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("gremium.mongodb.uri", ""); // the embedded default even if MONGODB_URI is set
        properties.put("gremium.mongodb.embedded.in-memory", "false");
        properties.put("gremium.mongodb.embedded.data-dir", dataDir.toString());
        properties.put("gremium.mongodb.embedded.port", Integer.toString(mongoPort));
        properties.put("gremium.security.users-file", "classpath:gremium/demo-users.yml");
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", "");
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("logging.level.root", "WARN");
        properties.put("spring.main.banner-mode", "off");
        properties.putAll(overrides);
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try {
            return launch(dataDir, mongoPort, args);
        } catch (RuntimeException | Error e) {
            deleteRecursively(dataDir);
            throw e;
        }
    }

    /**
     * Through {@code GremiumLauncher.start} when the launcher's classes can be loaded. Its installed
     * jar is currently a Spring Boot fat jar (classes under BOOT-INF/), which neither javac nor a
     * class loader can use as a library; then both sides are started exactly as the launcher does it.
     */
    private static GremiumUnderTest launch(Path dataDir, int mongoPort, String[] args) {
        Class<?> launcher;
        try {
            launcher = Class.forName(LAUNCHER);
        } catch (ClassNotFoundException notUsable) {
            ConfigurableApplicationContext command = CommandSideApplication.start(args);
            ConfigurableApplicationContext query;
            try {
                query = QuerySideApplication.start(args);
            } catch (RuntimeException e) {
                command.close();
                throw e;
            }
            return new GremiumUnderTest(dataDir, mongoPort, () -> {
                query.close();
                command.close();
            }, command, query, "CommandSideApplication.start + QuerySideApplication.start (as GremiumLauncher.start; "
                    + "the launcher jar is not usable as a library)");
        }
        try {
            Method start = launcher.getMethod("start", String[].class);
            Object running = start.invoke(null, (Object) args);
            var command = (ConfigurableApplicationContext) running.getClass().getMethod("commandSide").invoke(running);
            var query = (ConfigurableApplicationContext) running.getClass().getMethod("querySide").invoke(running);
            return new GremiumUnderTest(dataDir, mongoPort, (AutoCloseable) running, command, query,
                    "GremiumLauncher.start");
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new BenchFailure("launcher failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new BenchFailure("GremiumLauncher.start(String...) is not callable", e);
        }
    }

    int commandPort() {
        return port(commandSide);
    }

    int queryPort() {
        return port(querySide);
    }

    int mongoPort() {
        return mongoPort;
    }

    String database() {
        return commandSide.getEnvironment().getProperty("gremium.mongodb.database", "gremium");
    }

    /** What the command side calls after every command's unit of work committed. */
    Durability durability() {
        return commandSide.getBean(Durability.class);
    }

    /** The command side's gateway: the fast preload sends its commands through it, in this process. */
    CommandGateway commandGateway() {
        return commandSide.getBean(CommandGateway.class);
    }

    /** The query side's event processors (the replay phase resets one of them). */
    EventProcessingConfiguration queryProcessing() {
        return querySide.getBean(EventProcessingConfiguration.class);
    }

    /** The command side's event processors (its policies). */
    EventProcessingConfiguration commandProcessing() {
        return commandSide.getBean(EventProcessingConfiguration.class);
    }

    /** A property as the query side sees it. */
    String queryProperty(String name, String fallback) {
        return querySide.getEnvironment().getProperty(name, fallback);
    }

    Path dataDir() {
        return dataDir;
    }

    String startedBy() {
        return startedBy;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            running.close();
        } catch (Exception e) {
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) {
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
