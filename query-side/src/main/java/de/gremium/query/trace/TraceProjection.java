package de.gremium.query.trace;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import de.gremium.platform.axon.MetadataKeys;
import de.gremium.query.view.ViewWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Indexes every event that can be part of a recommendation's causal chain as a {@link TraceNode}: its
 * {@link TraceStep}, the ids it links to ({@link TraceLinks}) and what a reader needs of it, keyed by event id and
 * written only on insert, so redelivery and replay change nothing. It only writes,
 * so a batch's nodes go to the store together ({@link ViewWrites}).
 */
@Component
@ProcessingGroup(TraceProjection.GROUP)
public class TraceProjection {

    public static final String GROUP = "recommendation-trace";

    private final MongoTemplate mongo;
    private final ViewWrites writes;

    @Autowired
    public TraceProjection(MongoTemplate mongo, ViewWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
    }

    /** Every write at once (handlers called outside a processor's batch, as in tests). */
    public TraceProjection(MongoTemplate mongo) {
        this(mongo, new ViewWrites(mongo));
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        TraceStep.of(payload).ifPresent(step -> {
            Update insert = new Update()
                    .setOnInsert("step", step.name())
                    .setOnInsert("timestamp", message.getTimestamp())
                    .setOnInsert("userId", meta(message, MetadataKeys.USER_ID))
                    .setOnInsert("correlationId", meta(message, MetadataKeys.CORRELATION_ID))
                    .setOnInsert("causationId", meta(message, MetadataKeys.CAUSATION_ID))
                    .setOnInsert("refs", TraceLinks.of(payload))
                    .setOnInsert("details", step.details(payload));
            if (message instanceof DomainEventMessage<?> domain) {
                insert.setOnInsert("aggregateId", domain.getAggregateIdentifier())
                        .setOnInsert("sequence", domain.getSequenceNumber());
            }
            writes.upsert(query(where("_id").is(message.getIdentifier())), insert, TraceNode.class);
        });
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), TraceNode.class);
    }

    private static String meta(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
