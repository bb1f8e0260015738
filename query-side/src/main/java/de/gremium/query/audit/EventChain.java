package de.gremium.query.audit;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.gremium.platform.record.RecordSchema;
import de.gremium.query.view.ErasedViews;
import de.gremium.query.view.ViewStoreBaseline;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends events to the hash chain in {@code event_chain}, in the order the audit processor hands them over. That
 * order is the chain's, so the processor runs one segment on one thread.
 *
 * <p>An event has one link, found by its id (a unique index): a redelivered or replayed event gets its link back
 * and appends nothing. The position is not the event's global index in the record: a transaction of the record
 * that commits late fills a gap below events already handed out, and the processor hands it over after them, so
 * the chain is in the order events became visible, one after the other.
 *
 * <p>The head is cached: the processor is the only writer, and asking the store for the highest position for every
 * event would cost a query each time. Positions are the documents' {@code _id}, so should a second writer ever
 * append (a second node that took over the segment), the insert fails on the duplicate position instead of forking
 * the chain, the cache is dropped, and the processor's retry starts from the stored head.
 */
@Component
class EventChain implements ViewStoreBaseline.BeforeRebuild, ErasedViews.Kept {

    private static final Logger log = LoggerFactory.getLogger(EventChain.class);

    private final MongoCollection<Document> links;
    private final StoredEvents store;
    private ChainLink head;

    EventChain(MongoTemplate mongo, StoredEvents store) {
        this.links = mongo.getCollection(ChainLink.COLLECTION);
        this.store = store;
        // not left to auto-index-creation: a redelivered event must never be appended twice
        links.createIndex(Indexes.ascending("eventId"), new IndexOptions().name("eventId").unique(true));
    }

    /**
     * The event's link: the existing one if the event was chained before (a redelivery or a replay), otherwise a
     * new one after the head, hashed from the event's stored row.
     *
     * @throws IllegalStateException if the event is not in the record, which would leave a hole in the chain; the
     *                               processor stops and retries rather than skip it
     */
    synchronized ChainLink append(String eventId) {
        Document existing = links.find(eq("eventId", eventId)).first();
        if (existing != null) {
            return ChainLink.of(existing);
        }
        StoredEvent stored = store.find(eventId).orElseThrow(() -> new IllegalStateException(
                "event " + eventId + " is not in " + RecordSchema.EVENTS + ", so it cannot be chained"));
        ChainLink link = head().next(eventId, stored.globalIndex(), ChainHashes.contentHash(stored));
        try {
            links.insertOne(link.toDocument());
        } catch (MongoException e) {
            head = null;
            throw e;
        }
        head = link;
        return link;
    }

    /**
     * The chain is a view and is emptied with the others when the view store is rebuilt; its new first link vouches
     * for the record as it stands then. The old head goes to the log, so that it can still be compared with the last
     * head published outside the database (docs/audit.md).
     */
    @Override
    public synchronized void viewsAboutToBeEmptied() {
        Document last = links.find().sort(Sorts.descending("_id")).limit(1).first();
        if (last != null) {
            ChainLink old = ChainLink.of(last);
            log.warn("The audit hash chain is emptied with the views and starts again from the record as it stands now. "
                    + "It ended at position {} (event {}) with chain hash {}: compare it with the last published head.",
                    old.position(), old.eventId(), old.chainHash());
        }
        head = null;
    }

    /**
     * A rebuild after an erasure keeps the chain: it covers what is stored, which an erasure does not change (the key
     * is deleted, the stored bytes stay), and the replay finds every event's link again by its id.
     */
    @Override
    public String collection() {
        return ChainLink.COLLECTION;
    }

    /** The last link, or the origin before the first one. */
    synchronized ChainLink head() {
        if (head == null) {
            Document last = links.find().sort(Sorts.descending("_id")).limit(1).first();
            head = last == null ? ChainLink.origin() : ChainLink.of(last);
        }
        return head;
    }
}
