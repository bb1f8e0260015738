package de.gremium.platform.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend, committed only between operations.
 *
 * <p>mongo-java-server writes a document in steps: the data map, then one map per index. An MVStore
 * commit taken in between (by another client's flush, or by MVStore's own auto-commit) stores the
 * document without its index entries, or the entries without the document; after a crash at that point
 * a unique index no longer protects what is stored, and a retried command appends its events a second
 * time. So every operation from the wire holds a shared gate and a commit takes it exclusively: it waits
 * for the operations in flight to finish, and new ones wait for the commit (a few milliseconds).
 * MVStore's own commits must be switched off on the store passed in.
 *
 * <p>A backend used in memory gets the same gate; it costs nothing there, since a commit of a store
 * without a file does nothing.
 */
final class QuiescentH2Backend extends H2Backend {

    private final ReadWriteLock gate = new ReentrantReadWriteLock();

    QuiescentH2Backend(MVStore store) {
        super(store);
    }

    /** With indexes that spare the event store's scans: see {@link IndexedH2Database}. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return IndexedH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return shared(() -> {
            Document count = "aggregate".equals(command) ? CountDocuments.answer(this, database, query) : null;
            return count != null ? count : super.handleCommand(channel, database, command, query);
        });
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return shared(() -> super.handleQuery(query));
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return shared(() -> super.handleMessage(message));
    }

    @Override
    public void dropDatabase(String database) {
        underLock(gate.readLock(), () -> super.dropDatabase(database));
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        underLock(gate.readLock(), () -> super.closeCursors(cursorIds));
    }

    @Override
    public void handleClose(Channel channel) {
        underLock(gate.readLock(), () -> super.handleClose(channel));
    }

    @Override
    public void commit() {
        underLock(gate.writeLock(), super::commit);
    }

    /**
     * Ignored: mongo-java-server closes its backend when it shuts down, but the server also shuts down to
     * go off the network for a while ({@link EmbeddedMongoServer#goOffline()}), and the store must stay
     * open for its return. The owner closes the store with {@link #closeStore()}.
     */
    @Override
    public void close() {
    }

    /** Commits what is left and closes the file. */
    void closeStore() {
        underLock(gate.writeLock(), super::close);
    }

    private static void underLock(Lock lock, Runnable operation) {
        lock.lock();
        try {
            operation.run();
        } finally {
            lock.unlock();
        }
    }

    private <T> T shared(Supplier<T> operation) {
        gate.readLock().lock();
        try {
            return operation.get();
        } finally {
            gate.readLock().unlock();
        }
    }
}
