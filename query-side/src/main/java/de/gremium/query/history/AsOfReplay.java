package de.gremium.query.history;

import com.mongodb.client.MongoClient;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds views as they stood at a past instant: the same projection classes that keep the live
 * views, fed with the stored events up to that instant, into a scratch database that is dropped
 * afterwards. Nothing is guessed and nothing live is touched; the cost is one pass over the store,
 * which is why it serves audits (coordinator only), not intranet pages.
 */
@Component
public class AsOfReplay {

    private final EventStorageEngine events;
    private final MongoClient client;

    public AsOfReplay(EventStorageEngine events, MongoClient client) {
        this.events = events;
        this.client = client;
    }

    /**
     * @param asOf        events stored with a timestamp after this instant are left out
     * @param projections the projections to feed, created over the scratch store
     * @param read        what to read from the rebuilt views
     */
    public <T> T rebuild(Instant asOf, Function<MongoTemplate, List<Object>> projections, Function<MongoTemplate, T> read) {
        MongoTemplate scratch = new MongoTemplate(client, "gremium_asof_" + UUID.randomUUID().toString().replace("-", ""));
        try {
            List<AnnotationEventHandlerAdapter> handlers = projections.apply(scratch).stream()
                    .map(AnnotationEventHandlerAdapter::new).toList();
            try (Stream<? extends TrackedEventMessage<?>> stored = events.readEvents(null, false)) {
                stored.filter(event -> !event.getTimestamp().isAfter(asOf))
                        .forEach(event -> handlers.forEach(handler -> feed(handler, event)));
            }
            return read.apply(scratch);
        } finally {
            scratch.getDb().drop();
        }
    }

    private static void feed(AnnotationEventHandlerAdapter handler, TrackedEventMessage<?> event) {
        if (!handler.canHandle(event)) {
            return;
        }
        try {
            handler.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException("replaying " + event.getPayloadType().getSimpleName() + " failed", e);
        }
    }
}
