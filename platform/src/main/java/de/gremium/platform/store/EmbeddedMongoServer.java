package de.gremium.platform.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup store: mongo-java-server on loopback, backed by an H2 MVStore file.
 *
 * <p>The launcher runs the command side and the query side as two Spring contexts in one JVM; both
 * must see the same store, and an MVStore file can be opened only once. So servers are shared per
 * JVM, keyed by their data folder, and reference-counted: the last context to close shuts it down.
 */
public final class EmbeddedMongoServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    private static final Map<String, EmbeddedMongoServer> RUNNING = new HashMap<>();

    private final String key;
    private final MongoServer server;
    private final H2Backend backend;
    private final InetSocketAddress address;
    private final Object commitLock = new Object();
    private final Object flushLock = new Object();
    private long writesRequested;
    private long writesCommitted;
    private int users;

    private EmbeddedMongoServer(String key, H2Backend backend, int port) {
        this.key = key;
        this.backend = backend;
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        this.address = server.getLocalAddress();
    }

    /** Starts the server for this configuration, or joins the one this JVM already runs for it. */
    public static synchronized EmbeddedMongoServer acquire(GremiumMongoProperties.Embedded settings) {
        String key = settings.inMemory() ? "memory:" + settings.port()
                : settings.dataDir().toAbsolutePath().normalize().toString();
        EmbeddedMongoServer running = RUNNING.get(key);
        if (running == null || (settings.inMemory() && settings.port() == 0)) {
            running = new EmbeddedMongoServer(key, openBackend(settings), settings.port());
            RUNNING.put(key, running);
            log.info("Embedded MongoDB-wire-protocol server on {} ({})", running.connectionString(),
                    settings.inMemory() ? "in memory" : "file " + key);
        }
        running.users++;
        return running;
    }

    private static H2Backend openBackend(GremiumMongoProperties.Embedded settings) {
        if (settings.inMemory()) {
            return H2Backend.inMemory();
        }
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data folder " + settings.dataDir(), e);
        }
        Path file = settings.dataDir().resolve("gremium.mv");
        // MVStore's auto-commit stays on (about once a second) for projections and tokens, which can be rebuilt;
        // acknowledged commands are made durable explicitly through flush().
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        return new H2Backend(store);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    /**
     * Makes every write that completed before this call survive a crash of the process.
     *
     * <p>Group commit: concurrent callers share one MVStore commit, so eight clients do not pay for
     * eight commits. A caller whose write was already covered by a commit that began after it
     * returns at once.
     */
    public void flush() {
        long mine;
        synchronized (commitLock) {
            mine = ++writesRequested;
        }
        synchronized (flushLock) {
            if (writesCommitted >= mine) {
                return;
            }
            long covered;
            synchronized (commitLock) {
                covered = writesRequested;
            }
            backend.commit();
            writesCommitted = covered;
        }
    }

    /** Gives up one reference; the server stops when nobody uses it any more. */
    public void release() {
        synchronized (EmbeddedMongoServer.class) {
            if (--users > 0) {
                return;
            }
            RUNNING.remove(key, this);
        }
        server.shutdownNow();
        backend.close();
        log.info("Embedded MongoDB server on port {} stopped", address.getPort());
    }
}
