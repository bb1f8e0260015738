package de.gremium.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.gremium.platform.store.EmbeddedMongoServer;
import de.gremium.platform.store.GremiumMongoProperties;
import de.gremium.platform.testing.TestStore;
import java.nio.file.Path;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * A database of one test's own, on the embedded in-memory server (or the MongoDB that MONGODB_URI
 * names), with Axon's Mongo storage engine on it, so that events are stored exactly as the command
 * side stores them, and with the engine's indexes. Dropped on close.
 */
final class AuditDatabase implements AutoCloseable {

    /** Like the application's (platform-defaults.properties): Java time as ISO strings, no null fields. */
    static final ObjectMapper SPRING_JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    private final EmbeddedMongoServer server;
    private final MongoClient client;
    private final MongoTemplate mongo;
    private final MongoEventStorageEngine engine;

    private AuditDatabase(EmbeddedMongoServer server, MongoClient client) {
        this.server = server;
        this.client = client;
        String database = TestStore.uniqueDatabase();
        this.mongo = new MongoTemplate(client, database);
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(Jackson2ObjectMapperBuilder.json().build()).build();
        this.engine = MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, database).build())
                .storageStrategy(new DocumentPerEventStorageStrategy())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        engine.ensureIndexes();
    }

    static AuditDatabase open() {
        if (TestStore.realMongo()) {
            return new AuditDatabase(null, MongoClients.create(System.getenv("MONGODB_URI")));
        }
        EmbeddedMongoServer server = EmbeddedMongoServer.acquire(new GremiumMongoProperties.Embedded(Path.of("unused"), 0, true));
        return new AuditDatabase(server, MongoClients.create(server.connectionString()));
    }

    MongoTemplate mongo() {
        return mongo;
    }

    MongoCollection<Document> storedEvents() {
        return mongo.getCollection(StoredEvents.COLLECTION);
    }

    MongoCollection<Document> chainLinks() {
        return mongo.getCollection(ChainLink.COLLECTION);
    }

    /** Appends through Axon's storage engine and reads everything back as a processor would get it. */
    List<? extends TrackedEventMessage<?>> storeAndRead(EventMessage<?>... events) {
        engine.appendEvents(List.of(events));
        return engine.readEvents(null, false).toList();
    }

    @Override
    public void close() {
        mongo.getDb().drop();
        client.close();
        if (server != null) {
            server.release();
        }
    }
}
