package de.gremium.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Store settings for tests, as command-line arguments (they outrank every properties file).
 *
 * <p>With {@code MONGODB_URI} set, every test runs against that real MongoDB in a database of its
 * own; otherwise against the embedded server, in memory or on an H2 file in a temporary folder.
 */
public final class TestStore {

    private TestStore() {
    }

    public static boolean realMongo() {
        String uri = System.getenv("MONGODB_URI");
        return uri != null && !uri.isBlank();
    }

    /** Arguments for a store of this test's own: an in-memory server, or a fresh database. */
    public static List<String> inMemory() {
        List<String> args = new ArrayList<>(common());
        args.add("--gremium.mongodb.embedded.in-memory=true");
        args.add("--gremium.mongodb.embedded.port=0");
        args.add("--gremium.mongodb.database=" + (realMongo() ? uniqueDatabase() : "gremium"));
        return args;
    }

    /**
     * Arguments for a file-backed store in {@code dir} on a fixed port, shared by every context and
     * process that gets the same arguments (restart tests, two-process tests).
     */
    public static List<String> onDisk(Path dir, int port, String database) {
        List<String> args = new ArrayList<>(common());
        args.add("--gremium.mongodb.embedded.data-dir=" + dir.toAbsolutePath());
        args.add("--gremium.mongodb.embedded.port=" + port);
        args.add("--gremium.mongodb.database=" + database);
        return args;
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

    private static List<String> common() {
        return List.of("--server.port=0", "--logging.level.root=WARN", "--logging.level.de.gremium=INFO",
                "--gremium.events.fetch-delay=20ms");
    }
}
