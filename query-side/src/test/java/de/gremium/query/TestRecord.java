package de.gremium.query;

import de.gremium.platform.testing.TestStore;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import de.gremium.platform.record.RecordSchema;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * A record of a plain test's own: a new PostgreSQL database (from {@link TestStore}) with the platform's schema,
 * migrated by Flyway as at an application's start.
 */
public final class TestRecord {

    private final String database;
    private final DataSource dataSource;

    private TestRecord(String database) {
        this.database = database;
        this.dataSource = new AbstractDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return TestStore.connect(database);
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return getConnection();
            }
        };
    }

    public static TestRecord create() {
        TestRecord record = new TestRecord(TestStore.newRecord());
        Flyway.configure().dataSource(record.dataSource).locations("classpath:db/migration").load().migrate();
        return record;
    }

    public String database() {
        return database;
    }

    /** Opens a new connection for every {@code getConnection()}: for code that holds a connection of its own. */
    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connect() throws SQLException {
        return TestStore.connect(database);
    }

    /** Plain SQL on the record, one connection per statement. */
    public JdbcTemplate sql() {
        return new JdbcTemplate(dataSource);
    }

    /**
     * Axon's JDBC storage engine on this record, with the record's table names and a Jackson serializer, as the
     * platform configures it (without transactions: every statement commits on its own).
     *
     * @param batchSize events read per query
     */
    public JdbcEventStorageEngine engine(int batchSize) {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(Jackson2ObjectMapperBuilder.json().build())
                .build();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(RecordSchema.events())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(batchSize)
                .build();
    }

    /**
     * Uses up {@code values} numbers of the global sequence without storing an event, as inserts that failed or
     * rolled back do: a gap in the record's global order.
     */
    public void leaveGap(int values) {
        sql().queryForList("SELECT nextval('domain_event_entry_global_index_seq') FROM generate_series(1, ?)", Long.class,
                values);
    }
}
