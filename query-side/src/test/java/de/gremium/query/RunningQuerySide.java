package de.gremium.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import de.gremium.platform.testing.TestStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The query side started on a record and a view database that outlive it, so that a test can stop it, change
 * the stores, and start it again on them.
 */
public final class RunningQuerySide implements AutoCloseable {

    /** The view store's own collection, which holds no view. */
    public static final String VIEW_STORE = "view_store";

    private final ConfigurableApplicationContext context;

    private RunningQuerySide(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** On the record {@code database} and the view database of the same name. */
    public static RunningQuerySide start(String database, String... settings) {
        List<String> args = new ArrayList<>(TestStore.common());
        args.addAll(TestStore.record(database));
        args.addAll(TestStore.views(database));
        args.addAll(Arrays.asList(settings));
        return new RunningQuerySide(QuerySideApplication.start(args.toArray(String[]::new)));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public EventStore eventStore() {
        return context.getBean(EventStore.class);
    }

    public MongoDatabase viewDatabase() {
        return context.getBean(MongoDatabaseFactory.class).getMongoDatabase();
    }

    /** Waits until every event processor here holds all its segments and has handled every event of the record. */
    public void awaitCaughtUp() {
        TrackingToken head = eventStore().createHeadToken();
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> processing.eventProcessors().forEach((name, processor) -> {
            Map<Integer, EventTrackerStatus> segments = ((StreamingEventProcessor) processor).processingStatus();
            assertThat(segments).as(name + " holds its segment").isNotEmpty();
            segments.values().forEach(status -> assertThat(status.getTrackingToken())
                    .as(name + " has handled the record up to " + head)
                    .matches(token -> head == null || token != null && token.covers(head)));
        }));
    }

    /** Every document of every view collection, by collection and {@code _id}. */
    public Map<String, List<Document>> views() {
        return views(viewDatabase());
    }

    public static Map<String, List<Document>> views(MongoDatabase database) {
        Map<String, List<Document>> views = new TreeMap<>();
        for (String collection : database.listCollectionNames()) {
            if (!collection.equals(VIEW_STORE) && !collection.startsWith("system.")) {
                views.put(collection, database.getCollection(collection).find().sort(new Document("_id", 1))
                        .into(new ArrayList<>()));
            }
        }
        return views;
    }

    /** The view store's baseline marker, or null. */
    public Document baseline() {
        return viewDatabase().getCollection(VIEW_STORE).find(new Document("_id", "baseline")).first();
    }

    @Override
    public void close() {
        context.close();
    }
}
