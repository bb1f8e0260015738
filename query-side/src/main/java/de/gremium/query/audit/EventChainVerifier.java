package de.gremium.query.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Walks the hash chain from position 1 and re-reads every chained event from the record: the first link whose
 * event is gone, whose stored row no longer hashes to what was chained, or that does not follow from its
 * predecessor ends the walk.
 *
 * <p>The chain is read with one cursor, the rows in batches by event id ({@link StoredEvents#findAll}), never one
 * query per event.
 */
@Component
class EventChainVerifier {

    static final int BATCH = 2_000;

    private final MongoCollection<Document> links;
    private final StoredEvents store;
    private final Clock clock;
    private final int batch;

    @Autowired
    EventChainVerifier(MongoTemplate mongo, StoredEvents store) {
        this(mongo, store, Clock.systemUTC(), BATCH);
    }

    EventChainVerifier(MongoTemplate mongo, StoredEvents store, Clock clock, int batch) {
        this.links = mongo.getCollection(ChainLink.COLLECTION);
        this.store = store;
        this.clock = clock;
        this.batch = batch;
    }

    ChainVerification verify() {
        long storedEvents = store.count();
        Walk walk = new Walk();
        try (MongoCursor<Document> cursor = links.find().sort(Sorts.ascending("_id")).batchSize(batch).iterator()) {
            List<ChainLink> pending = new ArrayList<>(batch);
            while (cursor.hasNext() && walk.broken == null) {
                pending.add(ChainLink.of(cursor.next()));
                if (pending.size() == batch || !cursor.hasNext()) {
                    walk.check(pending, store.findAll(pending.stream().map(ChainLink::eventId).toList()));
                    pending.clear();
                }
            }
        }
        return walk.broken == null
                ? new ChainVerification(walk.verified, true, null, null, null, walk.previous.chainHash(), storedEvents,
                        clock.instant())
                : new ChainVerification(walk.verified, false, walk.broken.eventId(), walk.broken.position(), walk.reason,
                        walk.previous.chainHash(), storedEvents, clock.instant());
    }

    /** The state of one walk: the last intact link, and the first broken one once found. */
    private static final class Walk {
        private ChainLink previous = ChainLink.origin();
        private long verified;
        private ChainLink broken;
        private String reason;

        void check(List<ChainLink> batch, Map<String, StoredEvent> stored) {
            for (ChainLink link : batch) {
                String problem = problemOf(link, stored.get(link.eventId()));
                if (problem != null) {
                    broken = link;
                    reason = problem;
                    return;
                }
                previous = link;
                verified++;
            }
        }

        private String problemOf(ChainLink link, StoredEvent row) {
            if (link.position() != previous.position() + 1 || !previous.chainHash().equals(link.previousChainHash())) {
                return ChainVerification.LINK_BROKEN;
            }
            if (row == null) {
                return ChainVerification.EVENT_MISSING;
            }
            if (!ChainHashes.contentHash(row).equals(link.contentHash())) {
                return ChainVerification.CONTENT_CHANGED;
            }
            if (!ChainHashes.chainHash(link.previousChainHash(), link.contentHash()).equals(link.chainHash())) {
                return ChainVerification.LINK_BROKEN;
            }
            return null;
        }
    }
}
