package de.gremium.query.audit;

import static com.mongodb.client.model.Filters.eq;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import de.gremium.platform.axon.MetadataKeys;
import java.util.Date;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes every event into the audit log and the hash chain. The chain comes first and hands out the
 * position; the log entry is then an upsert keyed by event id with that position, so a redelivered or
 * replayed event finds its link and rewrites the same entry. There is no reset handler on purpose: a
 * replay must not restart the chain, and it rebuilds the log with the positions the chain keeps. (Only a
 * rebuild of the whole view store, {@code ViewStoreBaseline}, empties the chain with the other views.)
 *
 * <p>The payload is turned into JSON by the application's ObjectMapper, with times always as ISO
 * strings and null fields kept. The entry is written with the driver rather than Spring's converter, because payloads hold
 * maps whose keys may contain dots (the converter refuses those).
 */
@Component
@ProcessingGroup(AuditLogProjection.GROUP)
public class AuditLogProjection {

    public static final String GROUP = "audit-log";

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final MongoCollection<Document> log;
    private final EventChain chain;
    private final ObjectMapper json;

    public AuditLogProjection(MongoTemplate mongo, EventChain chain, ObjectMapper json) {
        this.log = mongo.getCollection(AuditEntry.COLLECTION);
        this.chain = chain;
        // the log keeps every field of an event (the answers leave out empty ones), and its shape must
        // not follow a change of the application's JSON settings
        this.json = json.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
                SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        this.json.setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS);
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        ChainLink link = chain.append(event.getIdentifier());
        Document entry = new Document("_id", event.getIdentifier())
                .append("position", link.position())
                .append("eventType", event.getPayloadType().getSimpleName())
                .append("eventTypeFullName", event.getPayloadType().getName())
                .append("aggregateType", domain == null ? null : domain.getType())
                .append("aggregateId", domain == null ? null : domain.getAggregateIdentifier())
                .append("sequenceNumber", domain == null ? 0L : domain.getSequenceNumber())
                .append("timestamp", Date.from(event.getTimestamp()))
                .append("userId", metadata(event, MetadataKeys.USER_ID))
                .append("correlationId", metadata(event, MetadataKeys.CORRELATION_ID))
                .append("causationId", metadata(event, MetadataKeys.CAUSATION_ID))
                .append("payload", jsonObject(payload));
        log.replaceOne(eq("_id", event.getIdentifier()), entry, new ReplaceOptions().upsert(true));
    }

    private Map<String, Object> jsonObject(Object payload) {
        JsonNode tree = json.valueToTree(payload);
        return tree.isObject() ? json.convertValue(tree, JSON_OBJECT) : Map.of("value", json.convertValue(tree, Object.class));
    }

    private static String metadata(EventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
