package de.gremium.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The views' store of the zero-setup default: mongo-java-server as it comes (the H2 backend on a file, or
 * in memory), on loopback.
 *
 * <p>The views are projections of the record in PostgreSQL, so losing them loses nothing: they are rebuilt.
 * What must never happen is a view behind its processor's token, which lives in PostgreSQL. This server's
 * file store commits about once a second, so after a crash of the JVM the file can miss writes whose tokens
 * were already committed. A marker file beside the store says "open"; a clean {@link #close()} removes it.
 * Found at a start, it means the last run did not stop cleanly, and the file is set aside: the query side then
 * meets an empty view store and rebuilds every view from the record (see docs/adr/0003).
 */
public final class EmbeddedViewServer implements AutoCloseable {

    static final String STORE_FILE = "views.mv";
    static final String OPEN_MARKER = "views.open";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedViewServer.class);

    private final MongoServer server;
    private final MongoBackend backend;
    private final InetSocketAddress address;
    private final Path folder;

    private EmbeddedViewServer(MongoBackend backend, int port, Path folder) {
        this.backend = backend;
        this.folder = folder;
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        this.address = server.getLocalAddress();
    }

    /** A server whose views are kept in {@code folder} (created when missing). */
    public static EmbeddedViewServer onDisk(Path folder, int port) {
        Path dir = folder.toAbsolutePath().normalize();
        try {
            OwnerOnly.folder(dir);
            Path marker = dir.resolve(OPEN_MARKER);
            Path store = dir.resolve(STORE_FILE);
            if (Files.exists(marker) && Files.exists(store)) {
                Path aside = dir.resolve(STORE_FILE + ".unclean");
                log.warn("The view store in {} was not closed cleanly (the process was killed or crashed): its file may "
                        + "miss recent view writes. It is set aside as {} and every view is rebuilt from the record.", dir,
                        aside.getFileName());
                Files.move(store, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(marker, "open\n");
            EmbeddedViewServer running = new EmbeddedViewServer(new H2Backend(store.toString()), port, dir);
            log.info("Embedded view store (MongoDB wire protocol) on {}, file {}", running.connectionString(), store);
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded view store could not start in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A server that keeps nothing: a new, empty view store at every start. */
    public static EmbeddedViewServer inMemory(int port) {
        EmbeddedViewServer running = new EmbeddedViewServer(new MemoryBackend(), port, null);
        log.info("Embedded view store (MongoDB wire protocol) on {}, in memory", running.connectionString());
        return running;
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    /**
     * Takes the server off the network the way a store restart looks to a client: it stops listening and drops
     * every connection; the data stays. {@link #goOnline()} puts it back on the same port. For outage tests.
     */
    public synchronized void goOffline() {
        server.shutdownNow();
    }

    public synchronized void goOnline() {
        server.bind(address);
    }

    @Override
    public synchronized void close() {
        server.shutdownNow();
        backend.close();
        if (folder != null) {
            try {
                Files.deleteIfExists(folder.resolve(OPEN_MARKER));
                try (Stream<Path> leftovers = Files.list(folder)) {
                    leftovers.filter(p -> p.getFileName().toString().endsWith(".unclean")).forEach(EmbeddedViewServer::delete);
                }
            } catch (IOException e) {
                log.warn("could not mark the view store in {} as cleanly closed: {}", folder, e.toString());
            }
        }
        log.info("Embedded view store on port {} stopped", address.getPort());
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", file, e.toString());
        }
    }
}
