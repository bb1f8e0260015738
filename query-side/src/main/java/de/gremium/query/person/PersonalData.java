package de.gremium.query.person;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import de.gremium.platform.axon.MetadataKeys;
import de.gremium.query.notification.OutboxLetter;
import de.gremium.query.notification.OutboxQueries;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * Everything stored about one person (GDPR Article 15): the events they caused (the {@code userId} of the metadata) or
 * that name them ({@link Mentions}), and the view documents that name them. Of an event they did not cause, and of a
 * view document, only what is about them goes out ({@link Redaction}): never another person's data.
 *
 * <p>The events are read through Axon's storage engine, so they come upcast and through the record's serializer like
 * any other read (after an erasure, with the placeholders). There is no index of persons over the record: one export
 * reads every event once, and every view document once; it is on request, not a page. The answer is written as it is
 * read, so that a person who caused most of the record (the coordinator) does not have to fit into memory.
 *
 * <p>The e-mails addressed to the person (the outbox, {@code notification_outbox} in the record) follow in full: what
 * they were or will be told, and to which address.
 */
@Component
class PersonalData {

    /** The view store's own collections: the marker, and the hash chain, which holds hashes and ids, no personal data. */
    static final Set<String> NOT_ABOUT_PERSONS = Set.of("view_store", "event_chain");

    /** The metadata of an event that ties it to others, and names nobody. */
    private static final List<String> TIES = List.of(MetadataKeys.CORRELATION_ID, MetadataKeys.CAUSATION_ID,
            MetadataKeys.CLIENT_CORRELATION_ID);

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final EventStorageEngine events;
    private final MongoDatabaseFactory views;
    private final OutboxQueries outbox;
    private final ObjectMapper json;

    PersonalData(EventStorageEngine events, MongoDatabaseFactory views, OutboxQueries outbox, ObjectMapper json) {
        this.events = events;
        this.views = views;
        this.outbox = outbox;
        this.json = json.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
                SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        this.json.setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS);
    }

    /** Whether anything is stored about the person: an e-mail or a view document first (cheaper), else an event. */
    @QueryHandler
    Boolean handle(FetchPersonKnown query) {
        if (outbox.anyAddressedTo(query.userId())) {
            return true;
        }
        MongoDatabase database = views.getMongoDatabase();
        for (String collection : collections(database)) {
            try (MongoCursor<Document> documents = database.getCollection(collection).find().iterator()) {
                while (documents.hasNext()) {
                    if (Mentions.in(documents.next(), query.userId())) {
                        return true;
                    }
                }
            }
        }
        try (Stream<? extends TrackedEventMessage<?>> stored = events.readEvents(null, false)) {
            return stored.anyMatch(about(query.userId()));
        }
    }

    /**
     * Writes the export: {@code userId}, {@code exportedAt}, {@code events} (in the record's order), {@code views}
     * (per collection) and {@code notifications} (the e-mails addressed to the person, oldest first), and returns the
     * counts.
     */
    Counts write(String userId, Instant exportedAt, JsonGenerator out) throws IOException {
        long eventCount = 0;
        long documentCount = 0;
        out.writeStartObject();
        out.writeStringField("userId", userId);
        out.writeStringField("exportedAt", exportedAt.toString());
        out.writeArrayFieldStart("events");
        Predicate<TrackedEventMessage<?>> about = about(userId);
        Redaction redaction = new Redaction(userId);
        try (Stream<? extends TrackedEventMessage<?>> stored = events.readEvents(null, false)) {
            var iterator = stored.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                if (about.test(event)) {
                    writeEvent(event, userId, redaction, out);
                    eventCount++;
                }
            }
        }
        out.writeEndArray();
        out.writeObjectFieldStart("views");
        MongoDatabase database = views.getMongoDatabase();
        for (String collection : collections(database)) {
            out.writeArrayFieldStart(collection);
            try (MongoCursor<Document> documents = database.getCollection(collection).find().iterator()) {
                while (documents.hasNext()) {
                    Document document = documents.next();
                    if (Mentions.in(document, userId)) {
                        out.writeRawValue(redaction.view(document).toJson(RELAXED));
                        documentCount++;
                    }
                }
            }
            out.writeEndArray();
        }
        out.writeEndObject();
        out.writeArrayFieldStart("notifications");
        List<OutboxLetter> letters = outbox.addressedTo(userId);
        for (OutboxLetter letter : letters) {
            json.writeValue(out, letter);
        }
        out.writeEndArray();
        out.writeEndObject();
        return new Counts(eventCount, documentCount, letters.size());
    }

    record Counts(long events, long viewDocuments, long notifications) {
    }

    private Predicate<TrackedEventMessage<?>> about(String userId) {
        return event -> userId.equals(event.getMetaData().get(MetadataKeys.USER_ID))
                || Mentions.in(json.valueToTree(event.getPayload()), userId);
    }

    private void writeEvent(TrackedEventMessage<?> event, String userId, Redaction redaction, JsonGenerator out)
            throws IOException {
        out.writeStartObject();
        out.writeStringField("eventId", event.getIdentifier());
        out.writeStringField("type", event.getPayloadType().getSimpleName());
        out.writeStringField("typeFullName", event.getPayloadType().getName());
        out.writeStringField("timestamp", event.getTimestamp().toString());
        if (event.trackingToken().position().isPresent()) {
            out.writeNumberField("globalIndex", event.trackingToken().position().getAsLong());
        }
        if (event instanceof DomainEventMessage<?> domain) {
            out.writeStringField("aggregateType", domain.getType());
            out.writeStringField("aggregateId", domain.getAggregateIdentifier());
            out.writeNumberField("sequenceNumber", domain.getSequenceNumber());
        }
        out.writeArrayFieldStart("relation");
        boolean caused = userId.equals(event.getMetaData().get(MetadataKeys.USER_ID));
        if (caused) {
            out.writeString("caused");
        }
        JsonNode payload = json.valueToTree(event.getPayload());
        if (Mentions.in(payload, userId)) {
            out.writeString("named");
        }
        out.writeEndArray();
        out.writeFieldName("metaData");
        if (caused) {
            json.writeTree(out, json.valueToTree(event.getMetaData()));
        } else {
            // someone else's action: who it was is theirs, only the ids that tie the messages together are kept
            ObjectNode metaData = redaction.metaData(event.getMetaData(), TIES);
            metaData.put(MetadataKeys.USER_ID, Redaction.OTHER_PERSON);
            json.writeTree(out, metaData);
        }
        out.writeFieldName("payload");
        json.writeTree(out, caused || !(event.getPayload() instanceof Record record) ? payload : redaction.event(record, payload));
        out.writeEndObject();
    }

    private static List<String> collections(MongoDatabase database) {
        return database.listCollectionNames().into(new ArrayList<>()).stream()
                .filter(name -> !NOT_ABOUT_PERSONS.contains(name) && !name.startsWith("system.")).sorted().toList();
    }
}
