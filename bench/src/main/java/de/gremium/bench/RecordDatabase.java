package de.gremium.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Plain JDBC on the embedded PostgreSQL, beside Gremium's own pools: the record's size and head, and the raw
 * append that is the floor under every command. The raw rows go into {@value #RAW_TABLE} of the database
 * {@value #BENCH_DATABASE} on the same server (same WAL, same fsync), never into the record.
 */
final class RecordDatabase implements AutoCloseable {

    static final String BENCH_DATABASE = "bench";
    static final String RAW_TABLE = "bench_raw";
    static final String EVENTS = "domain_event_entry";

    /** The record's event table, as V1__record.sql creates it: same columns, key and unique constraints. */
    private static final String RAW_DDL = "CREATE TABLE " + RAW_TABLE + " ("
            + "global_index BIGSERIAL NOT NULL PRIMARY KEY, aggregate_identifier VARCHAR(255) NOT NULL, "
            + "sequence_number BIGINT NOT NULL, type VARCHAR(255), event_identifier VARCHAR(255) NOT NULL, "
            + "meta_data BYTEA, payload BYTEA NOT NULL, payload_revision VARCHAR(255), payload_type VARCHAR(255) NOT NULL, "
            + "time_stamp VARCHAR(255) NOT NULL, "
            + "CONSTRAINT " + RAW_TABLE + "_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number), "
            + "CONSTRAINT " + RAW_TABLE + "_event_identifier UNIQUE (event_identifier))";
    private static final String RAW_INSERT = "INSERT INTO " + RAW_TABLE + " (aggregate_identifier, sequence_number, type, "
            + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?)";

    private final String recordUrl;
    private final String benchUrl;
    private final String user;
    private final String password;
    private final Connection connection;
    private EventRow template;

    RecordDatabase(String recordUrl, String user, String password) throws SQLException {
        this.recordUrl = recordUrl;
        this.benchUrl = recordUrl.substring(0, recordUrl.lastIndexOf('/') + 1) + BENCH_DATABASE;
        this.user = user;
        this.password = password;
        this.connection = DriverManager.getConnection(recordUrl, user, password);
        this.connection.setAutoCommit(true);
    }

    /** A stored event's columns, the raw append writes copies of it. */
    record EventRow(String type, byte[] metaData, byte[] payload, String payloadRevision, String payloadType, String timestamp,
            int rowBytes) {
    }

    synchronized long storedEvents() throws SQLException {
        return single("SELECT count(*) FROM " + EVENTS);
    }

    /** The highest global index, the position a processor has reached when it has read everything. */
    synchronized long head() throws SQLException {
        return single("SELECT coalesce(max(global_index), -1) FROM " + EVENTS);
    }

    synchronized String setting(String name) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SHOW " + name)) {
            r.next();
            return r.getString(1);
        }
    }

    synchronized String databaseSize() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
            r.next();
            return r.getString(1);
        }
    }

    /** Reads of one batch of events as Axon's JDBC engine reads them during a replay, from the record's middle. */
    synchronized void readBatchFrom(long globalIndex, int batchSize) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT global_index, time_stamp, aggregate_identifier, "
                + "sequence_number, type, event_identifier, payload_type, payload_revision, payload, meta_data FROM " + EVENTS
                + " WHERE global_index > ? ORDER BY global_index ASC LIMIT ?")) {
            s.setLong(1, globalIndex);
            s.setInt(2, batchSize);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    r.getBytes(9);
                    r.getBytes(10);
                }
            }
        }
    }

    /** A stored event of a problem report, the shape and size of what a command appends. */
    synchronized EventRow template() throws SQLException {
        if (template == null) {
            try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT type, meta_data, payload, "
                    + "payload_revision, payload_type, time_stamp, pg_column_size(e.*) FROM " + EVENTS + " e WHERE type = 'ProblemReport' "
                    + "ORDER BY global_index DESC LIMIT 1")) {
                if (!r.next()) {
                    throw new BenchFailure("no problem report's event in " + EVENTS + " to copy for the raw append");
                }
                template = new EventRow(r.getString(1), r.getBytes(2), r.getBytes(3), r.getString(4), r.getString(5),
                        r.getString(6), r.getInt(7));
            }
        }
        return template;
    }

    /** Drops and creates {@value #RAW_TABLE} (in its own database, created when missing): the same floor at every size. */
    void freshRawTable() throws SQLException {
        synchronized (this) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, BENCH_DATABASE);
                try (ResultSet r = exists.executeQuery()) {
                    if (!r.next()) {
                        try (Statement create = connection.createStatement()) {
                            create.execute("CREATE DATABASE " + BENCH_DATABASE);
                        }
                    }
                }
            }
        }
        try (Connection bench = DriverManager.getConnection(benchUrl, user, password); Statement s = bench.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + RAW_TABLE);
            s.execute(RAW_DDL);
        }
    }

    /** One client of the raw append: its own connection, autocommit off, an INSERT and a COMMIT per call. */
    RawAppender rawAppender() throws SQLException {
        return new RawAppender(DriverManager.getConnection(benchUrl, user, password), template());
    }

    static final class RawAppender implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement insert;
        private final EventRow row;

        private RawAppender(Connection connection, EventRow row) throws SQLException {
            this.connection = connection;
            this.row = row;
            connection.setAutoCommit(false);
            this.insert = connection.prepareStatement(RAW_INSERT);
        }

        /** INSERT of an event-sized row of a new aggregate, then COMMIT (synchronous, fsync on: durable). */
        void append() throws SQLException {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, row.type());
            insert.setString(3, UUID.randomUUID().toString());
            insert.setBytes(4, row.metaData());
            insert.setBytes(5, row.payload());
            insert.setString(6, row.payloadRevision());
            insert.setString(7, row.payloadType());
            insert.setString(8, row.timestamp());
            insert.executeUpdate();
            connection.commit();
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    String recordUrl() {
        return recordUrl;
    }

    /** A new connection to the record, with the credentials this one was opened with. */
    Connection connectToRecord() throws SQLException {
        return DriverManager.getConnection(recordUrl, user, password);
    }

    private long single(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
