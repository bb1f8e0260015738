package de.gremium.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoCollection;
import de.gremium.platform.record.RecordSchema;
import de.gremium.query.TestRecord;
import de.gremium.query.ViewStore;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The two stores of one audit test, both its own: a record (a new PostgreSQL database with the platform's schema,
 * migrated by Flyway as at an application's start), written through Axon's JDBC storage engine with the record's
 * table names, so that rows are stored exactly as the command side stores them; and a view database for the log
 * and the chain. The record can be changed behind Axon's back with plain SQL, as someone with write access to the
 * database would. The view database is dropped on close.
 */
final class AuditDatabase implements AutoCloseable {

    /** Like the application's (platform-defaults.properties): Java time as ISO strings, no null fields. */
    static final ObjectMapper SPRING_JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    private final SingleConnectionDataSource record;
    private final ViewStore views;
    private final JdbcEventStorageEngine engine;
    private final StoredEvents storedEvents;

    private AuditDatabase(SingleConnectionDataSource record) {
        this.record = record;
        this.views = ViewStore.open();
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(Jackson2ObjectMapperBuilder.json().build()).build();
        this.engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(record))
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(RecordSchema.events())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        this.storedEvents = new StoredEvents(record);
    }

    static AuditDatabase open() {
        TestRecord record = TestRecord.create();
        try {
            return new AuditDatabase(new SingleConnectionDataSource(record.connect(), true));
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect to the test record " + record.database(), e);
        }
    }

    MongoTemplate mongo() {
        return views.mongo();
    }

    StoredEvents storedEvents() {
        return storedEvents;
    }

    MongoCollection<Document> chainLinks() {
        return views.mongo().getCollection(ChainLink.COLLECTION);
    }

    /** Plain SQL on the record, past Axon. */
    JdbcTemplate sql() {
        return new JdbcTemplate(record);
    }

    /** Appends through Axon's storage engine and reads everything back as a processor would get it. */
    List<? extends TrackedEventMessage<?>> storeAndRead(EventMessage<?>... events) {
        engine.appendEvents(List.of(events));
        return engine.readEvents(null, false).toList();
    }

    @Override
    public void close() {
        views.close();
        record.destroy();
    }
}
