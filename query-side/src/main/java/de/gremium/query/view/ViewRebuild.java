package de.gremium.query.view;

import com.mongodb.client.MongoDatabase;
import de.gremium.platform.record.RecordSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the query side builds its views again from the record: empty the view collections (their indexes kept)
 * and delete the tokens and dead letters of their processors, so that the processors read the record from its first
 * event. {@link ViewStoreBaseline} does it before the processors start (a new, foreign or outdated view store),
 * {@link ErasedViews} while they run (after an erasure, so that the views show the placeholders the record now reads
 * as). Both run it under the same PostgreSQL advisory lock, so that two query-side processes never rebuild at once.
 */
final class ViewRebuild {

    /** The key of the advisory lock that serialises rebuilds across query-side processes ("gremium" in ASCII). */
    static final long LOCK_KEY = 0x6772656d69756dL;

    private static final Logger log = LoggerFactory.getLogger(ViewRebuild.class);

    /** What one reset removed. */
    record Reset(long documents, List<String> collections, int tokens, int deadLetters) {
    }

    /** Work done while this process holds the lock, on the lock's connection (auto-commit). */
    @FunctionalInterface
    interface Locked<T> {
        T run(Connection connection) throws SQLException;
    }

    private ViewRebuild() {
    }

    /** Runs {@code work} holding the rebuild lock, on a connection of its own, so that the lock is this process's alone. */
    static <T> T locked(DataSource record, String database, Locked<T> work) {
        try (Connection connection = record.getConnection()) {
            connection.setAutoCommit(true);
            lock(connection, database);
            try {
                return work.run(connection);
            } finally {
                unlock(connection);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the views could not be reset against the record: " + e.getMessage(), e);
        }
    }

    /**
     * Empties every collection of the view database but the view store's own and those in {@code kept}, then deletes the
     * token rows and dead letters of {@code processors}, in that order: the processors must not run meanwhile.
     */
    static Reset reset(MongoDatabase database, Connection connection, Collection<String> processors, Set<String> kept)
            throws SQLException {
        List<String> collections = database.listCollectionNames().into(new ArrayList<>()).stream()
                .filter(name -> !name.equals(ViewStoreBaseline.COLLECTION) && !kept.contains(name) && !name.startsWith("system."))
                .sorted().toList();
        long documents = 0;
        for (String collection : collections) {
            documents += database.getCollection(collection).deleteMany(new Document()).getDeletedCount();
        }
        String[] names = processors.toArray(String[]::new);
        int tokens = deleteWhereIn(connection, RecordSchema.tokens().tokenTable(), RecordSchema.tokens().processorNameColumn(),
                names);
        int letters = deleteWhereIn(connection, RecordSchema.deadLetters().deadLetterTable(),
                RecordSchema.deadLetters().processingGroupColumn(), names);
        return new Reset(documents, collections, tokens, letters);
    }

    private static int deleteWhereIn(Connection connection, String table, String column, String[] values) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE " + column + " = ANY(?)")) {
            delete.setArray(1, connection.createArrayOf("varchar", values));
            return delete.executeUpdate();
        }
    }

    private static void lock(Connection connection, String database) throws SQLException {
        try (PreparedStatement tryLock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            tryLock.setLong(1, LOCK_KEY);
            try (ResultSet result = tryLock.executeQuery()) {
                if (result.next() && result.getBoolean(1)) {
                    return;
                }
            }
        }
        log.info("Waiting for another query-side process that is checking or rebuilding the views in {}", database);
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            lock.execute();
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, LOCK_KEY);
            unlock.execute();
        }
    }
}
