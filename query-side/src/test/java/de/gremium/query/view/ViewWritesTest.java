package de.gremium.query.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import de.gremium.query.ViewStore;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A batch of a processor that flushes its view writes (FlushViewWrites) sends them after its last event
 * and before it commits, in the order they were made; a write the store refuses rolls the batch back,
 * and the retry writes each event's views at once, so that the refusal falls on its own event.
 */
class ViewWritesTest {

    /** A view of the test: one document per key, with a counter. */
    @org.springframework.data.mongodb.core.mapping.Document("view_writes_test")
    record Counter(String id, long count, String text) {
    }

    private ViewStore store;
    private MongoTemplate mongo;
    private ViewWrites writes;
    private FlushViewWrites interceptor;

    @BeforeEach
    void setUp() {
        store = ViewStore.open();
        mongo = store.mongo();
        writes = new ViewWrites(mongo);
        interceptor = new FlushViewWrites(writes);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void aBatchsWritesReachTheStoreTogetherAfterItsLastEventInTheOrderTheyWereMade() {
        List<Long> seenByHandlers = new ArrayList<>();
        ResultMessage<?> result = runBatchOfKeys(events("a", "b", "a", "c"), key -> {
            seenByHandlers.add(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Counter.class));
            writes.upsert(query(where("_id").is(key)), new Update().setOnInsert("text", "first " + key), Counter.class);
            writes.updateFirst(query(where("_id").is(key)), new Update().inc("count", 1), Counter.class);
        });

        assertThat(result.isExceptional()).isFalse();
        assertThat(seenByHandlers).as("nothing written while the batch runs").containsExactly(0L, 0L, 0L, 0L);
        assertThat(mongo.findById("a", Counter.class)).isEqualTo(new Counter("a", 2, "first a"));
        assertThat(mongo.findById("b", Counter.class)).isEqualTo(new Counter("b", 1, "first b"));
        assertThat(mongo.findById("c", Counter.class)).isEqualTo(new Counter("c", 1, "first c"));
    }

    @Test
    void outsideAFlushingBatchEveryWriteGoesToTheStoreAtOnce() {
        writes.upsert(query(where("_id").is("x")), new Update().inc("count", 5), Counter.class);
        assertThat(mongo.findById("x", Counter.class)).isEqualTo(new Counter("x", 5, null));
    }

    @Test
    void aRefusedWriteRollsTheBatchBackAndTheRetryRefusesItInItsOwnEventThenBatchingResumes() {
        mongo.getCollection("view_writes_test").insertOne(new Document("_id", "bad").append("text", "not a number"));
        List<String> failedAt = new ArrayList<>();
        MessageHandler<EventMessage<?>> handler = event -> {
            String key = (String) event.getPayload();
            try {
                if (key.equals("bad")) {
                    // $inc on a string: the store refuses it
                    writes.updateFirst(query(where("_id").is(key)), new Update().inc("text", 1), Counter.class);
                } else {
                    // idempotent, as the projections' writes are: how far the failed bulk write got does not matter
                    writes.upsert(query(where("_id").is(key)), new Update().set("count", 1), Counter.class);
                }
            } catch (RuntimeException e) {
                failedAt.add(key); // as the dead-letter queue does: this event's aggregate is parked, the batch goes on
            }
            return null;
        };

        ResultMessage<?> first = runBatch(events("ok-1", "bad", "ok-2"), handler);
        assertThat(first.isExceptional()).as("the flush failed and rolled the batch back").isTrue();
        assertThat(failedAt).as("collected: no handler saw the refusal").isEmpty();

        ResultMessage<?> retry = runBatch(events("ok-1", "bad", "ok-2"), handler);
        assertThat(retry.isExceptional()).isFalse();
        assertThat(failedAt).as("the retry wrote at once: the refusal fell on its own event").containsExactly("bad");
        assertThat(mongo.findById("ok-2", Counter.class)).isEqualTo(new Counter("ok-2", 1, null));

        failedAt.clear();
        List<Long> seen = new ArrayList<>();
        ResultMessage<?> next = runBatch(events("ok-3", "ok-4"), event -> {
            seen.add(mongo.count(query(where("_id").in("ok-3", "ok-4")), Counter.class));
            writes.upsert(query(where("_id").is(event.getPayload())), new Update().inc("count", 1), Counter.class);
            return null;
        });
        assertThat(next.isExceptional()).isFalse();
        assertThat(seen).as("a later batch collects again").containsExactly(0L, 0L);
        assertThat(mongo.count(query(where("_id").in("ok-3", "ok-4")), Counter.class)).isEqualTo(2);
    }

    private ResultMessage<?> runBatchOfKeys(List<EventMessage<?>> events, KeyHandler handler) {
        return runBatch(events, event -> {
            handler.handle((String) event.getPayload());
            return null;
        });
    }

    private ResultMessage<?> runBatch(List<EventMessage<?>> events, MessageHandler<EventMessage<?>> handler) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        return batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch, List.of(interceptor), handler).proceed(),
                RollbackConfigurationType.ANY_THROWABLE);
    }

    private static List<EventMessage<?>> events(String... keys) {
        return IntStream.range(0, keys.length).<EventMessage<?>>mapToObj(i -> GenericEventMessage.asEventMessage(keys[i])).toList();
    }

    @FunctionalInterface
    private interface KeyHandler {
        void handle(String key);
    }
}
