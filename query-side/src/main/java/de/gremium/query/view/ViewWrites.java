package de.gremium.query.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The writes of a projection that only writes (upserts and guarded updates, never a read of its own view
 * in a handler), sent to the store either at once or, inside a batch of a processor that
 * {@link FlushViewWrites flushes them}, as one ordered bulk write per view at the end of the batch.
 *
 * <p>An ordered bulk write applies its operations one after the other, as the separate calls would have
 * been applied; what changes is the number of round trips to the store: one per batch instead of one per
 * event, which was half of a replay's time. Outside such a batch (a test that
 * calls a handler directly, a dead letter being retried) every write goes to the store at once.
 */
@Component
public class ViewWrites {

    static final String PENDING = ViewWrites.class.getName() + ".pending";

    private final MongoTemplate mongo;

    public ViewWrites(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** As {@link MongoTemplate#upsert(Query, org.springframework.data.mongodb.core.query.UpdateDefinition, Class)}. */
    public void upsert(Query query, Update update, Class<?> view) {
        write(view, bulk -> bulk.upsert(query, update), () -> mongo.upsert(query, update, view));
    }

    /** As {@link MongoTemplate#updateFirst(Query, org.springframework.data.mongodb.core.query.UpdateDefinition, Class)}. */
    public void updateFirst(Query query, Update update, Class<?> view) {
        write(view, bulk -> bulk.updateOne(query, update), () -> mongo.updateFirst(query, update, view));
    }

    private void write(Class<?> view, Consumer<BulkOperations> queued, Runnable direct) {
        Pending pending = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(PENDING) : null;
        if (pending == null) {
            direct.run();
        } else {
            pending.add(view, queued);
        }
    }

    /** Starts collecting the writes of this unit of work (see {@link FlushViewWrites}). */
    void collectIn(UnitOfWork<?> unitOfWork) {
        unitOfWork.root().resources().putIfAbsent(PENDING, new Pending(mongo));
    }

    /** Sends what this unit of work collected and stops collecting. */
    void flush(UnitOfWork<?> unitOfWork) {
        Pending pending = (Pending) unitOfWork.root().resources().remove(PENDING);
        if (pending != null) {
            pending.flush();
        }
    }

    /** The writes collected so far, per view in the order they were made. */
    static final class Pending {

        private final MongoTemplate mongo;
        private final Map<Class<?>, List<Consumer<BulkOperations>>> writes = new LinkedHashMap<>();

        Pending(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        void add(Class<?> view, Consumer<BulkOperations> write) {
            writes.computeIfAbsent(view, v -> new ArrayList<>()).add(write);
        }

        void flush() {
            writes.forEach((view, queued) -> {
                BulkOperations bulk = mongo.bulkOps(BulkMode.ORDERED, view);
                queued.forEach(write -> write.accept(bulk));
                bulk.execute();
            });
            writes.clear();
        }
    }
}
