package de.gremium.query.audit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The events as Axon stored them: the raw documents of {@code domainevents}, read past Axon (no
 * upcasting, no deserialisation), because the chain is about what is in the store.
 */
class StoredEvents {

    /** {@code DefaultMongoTemplate}'s default, which {@code AxonMongoAutoConfiguration} keeps. */
    static final String COLLECTION = "domainevents";

    private final MongoCollection<Document> events;

    StoredEvents(MongoTemplate mongo) {
        this.events = mongo.getCollection(COLLECTION);
    }

    /**
     * The stored document of one event. Aggregate id and sequence number are looked up first because
     * Axon's unique index covers exactly them (the embedded server uses a unique index for equality on
     * all its keys, and scans otherwise); the event id decides.
     */
    Optional<Document> find(String eventId, String aggregateId, Long sequenceNumber) {
        if (aggregateId != null && sequenceNumber != null) {
            Document candidate = events.find(and(eq("aggregateIdentifier", aggregateId),
                    eq("sequenceNumber", sequenceNumber))).first();
            if (candidate != null && eventId.equals(candidate.get("eventIdentifier"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.ofNullable(events.find(eq("eventIdentifier", eventId)).first());
    }

    /**
     * The stored documents of a batch of links, by event id; an event that is not found is absent
     * from the map, and one that is stored more than once (Axon has no unique index on the event id)
     * has all its copies that were found. One query over the batch's time range (Axon's
     * {@code timestamp} index), then one by id for what that missed (a document whose timestamp was
     * changed, or that is gone).
     */
    Map<String, List<Document>> findAll(Collection<ChainLink> links) {
        Set<String> wanted = links.stream().map(ChainLink::eventId).collect(Collectors.toSet());
        Map<String, List<Document>> found = new HashMap<>(wanted.size() * 2);
        List<String> timestamps = links.stream().map(ChainLink::timestamp).filter(Objects::nonNull).sorted().toList();
        if (!timestamps.isEmpty()) {
            // the strings are compared as strings, exactly as they were stored, so the range holds them all
            collect(events.find(and(gte("timestamp", timestamps.get(0)), lte("timestamp", timestamps.get(timestamps.size() - 1)))),
                    wanted, found);
        }
        if (found.size() < wanted.size()) {
            List<String> missed = wanted.stream().filter(id -> !found.containsKey(id)).toList();
            collect(events.find(in("eventIdentifier", missed)), wanted, found);
        }
        return found;
    }

    long count() {
        return events.countDocuments();
    }

    private static void collect(Iterable<Document> documents, Set<String> wanted, Map<String, List<Document>> found) {
        for (Document document : documents) {
            Object id = document.get("eventIdentifier");
            if (id instanceof String eventId && wanted.contains(eventId)) {
                found.computeIfAbsent(eventId, key -> new ArrayList<>(1)).add(document);
            }
        }
    }
}
