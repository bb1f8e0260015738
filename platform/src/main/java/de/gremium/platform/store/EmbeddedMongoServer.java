package de.gremium.platform.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    private final QuiescentH2Backend backend;
    private final InetSocketAddress address;
    private final Object commitLock = new Object();
    private final Object flushLock = new Object();
    private long writesRequested;
    private long writesCommitted;
    private final ScheduledExecutorService committer;
    private int users;

    private EmbeddedMongoServer(String key, QuiescentH2Backend backend, int port) {
        this.key = key;
        this.backend = backend;
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        this.address = server.getLocalAddress();
        if (backend.isInMemory()) {
            this.committer = null;
        } else {
            // what no command flushes (projections, tokens, dead letters) is committed about once a second,
            // as MVStore's own auto-commit did, but through the gate of QuiescentH2Backend
            this.committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "embedded-mongo-committer-" + address.getPort());
                thread.setDaemon(true);
                return thread;
            });
            committer.scheduleWithFixedDelay(this::commitQuietly, 1, 1, TimeUnit.SECONDS);
        }
    }

    private void commitQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("periodic commit of the embedded store failed: {}", e.toString());
        }
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

    private static QuiescentH2Backend openBackend(GremiumMongoProperties.Embedded settings) {
        if (settings.inMemory()) {
            return new QuiescentH2Backend(new MVStore.Builder().open());
        }
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data folder " + settings.dataDir(), e);
        }
        Path file = settings.dataDir().resolve("gremium.mv");
        // No commits of MVStore's own (neither its background thread nor inline when unsaved pages pile up):
        // they would capture writes half done. Commits come from flush() and from the committer thread.
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().autoCommitBufferSize(0)
                .cacheSize(settings.cacheSize()).open();
        return new QuiescentH2Backend(store);
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

    /**
     * Takes the server off the network the way a store restart or a network partition looks to a client:
     * it stops listening and drops every connection; the data stays as it is. For outage tests and drills;
     * {@link #goOnline()} puts it back on the same port.
     */
    public synchronized void goOffline() {
        server.shutdownNow();
        log.warn("Embedded MongoDB server on port {} taken off the network", address.getPort());
    }

    /** Listens again on the same port after {@link #goOffline()}. */
    public synchronized void goOnline() {
        server.bind(address);
        log.info("Embedded MongoDB server on port {} back on the network", address.getPort());
    }

    /** The indexes of a collection, for tests that look at what an index answers. */
    @SuppressWarnings("unchecked")
    List<Index<Object>> indexes(String database, String collection) {
        var resolved = (AbstractMongoCollection<Object>) backend.resolveDatabase(database)
                .resolveCollection(collection, true);
        return resolved.getIndexes();
    }

    /** How many queries of a collection were read in index order (see IndexedH2Collection). */
    long indexOrderWalks(String database, String collection) {
        return ((IndexedH2Collection) backend.resolveDatabase(database).resolveCollection(collection, true)).walks();
    }

    /** How many queries of a collection were answered from the union of their {@code $or} branches' indexes. */
    long indexUnions(String database, String collection) {
        return ((IndexedH2Collection) backend.resolveDatabase(database).resolveCollection(collection, true)).unions();
    }

    /** The backing file store, for tests that inspect what a commit captured. */
    MVStore mvStore() {
        return backend.getMvStore();
    }

    /** Gives up one reference; the server stops when nobody uses it any more. */
    public void release() {
        synchronized (EmbeddedMongoServer.class) {
            if (--users > 0) {
                return;
            }
            RUNNING.remove(key, this);
        }
        if (committer != null) {
            // never interrupt it: an interrupt during an MVStore write closes the file channel, and the store
            // then fails to write anything more, the last commit at close included
            committer.shutdown();
            try {
                if (!committer.awaitTermination(30, TimeUnit.SECONDS)) {
                    log.warn("the embedded store's committer did not finish within 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        server.shutdownNow();
        backend.closeStore();
        log.info("Embedded MongoDB server on port {} stopped", address.getPort());
    }
}
