package de.gremium.platform.axon.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * An event whose older revision held ids as plain strings ({@code "recommendationId" : "r-1"}) and whose newer
 * revision holds typed ids ({@code RecommendationId}), which the serializer writes as {@code {"value" : "r-1"}}:
 * wraps each string of the named fields, a single one or a list, and raises the revision. Written against the JSON,
 * since the event class has the new shape.
 */
abstract class StringIdsBecameTyped extends SingleEventUpcaster {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SerializedType from;
    private final SerializedType to;
    private final List<String> fields;

    StringIdsBecameTyped(Class<?> event, String fromRevision, String toRevision, String... fields) {
        this.from = new SimpleSerializedType(event.getName(), fromRevision);
        this.to = new SimpleSerializedType(event.getName(), toRevision);
        this.fields = List.of(fields);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().equals(from);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(to, JsonNode.class, payload -> {
            ObjectNode stored = (ObjectNode) payload;
            for (String field : fields) {
                if (stored.hasNonNull(field)) {
                    stored.set(field, typed(stored.get(field)));
                }
            }
            return stored;
        });
    }

    /** {@code "r-1"} as {@code {"value" : "r-1"}}, each string of an array the same way; anything else as it is. */
    static JsonNode typed(JsonNode id) {
        if (id.isTextual()) {
            return JSON.objectNode().put("value", id.textValue());
        }
        if (id.isArray()) {
            ArrayNode ids = JSON.arrayNode();
            id.forEach(element -> ids.add(typed(element)));
            return ids;
        }
        return id;
    }
}
