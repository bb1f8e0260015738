package de.gremium.platform.evolution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.gremium.platform.evolution.GoldenFixtures.GoldenFixture;
import de.gremium.platform.record.StoredJson;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.springframework.core.NestedExceptionUtils;

/**
 * Reads a golden fixture the way the event store reads a stored event (upcaster chain, then the
 * Jackson serializer), and fails with an {@link AssertionError} that says what to do where a replay
 * would go wrong.
 */
final class FixtureReader {

    private static final String SEE = " See docs/schema-evolution.md.";

    /** The event as read, and the payload as the upcaster chain handed it to the serializer. */
    record Read(Class<?> eventType, Object event, JsonNode upcastPayload) {
    }

    private final JacksonSerializer serializer = StoredJson.serializer();
    private final EventUpcasterChain chain;

    FixtureReader(List<EventUpcaster> upcasters) {
        this.chain = new EventUpcasterChain(upcasters);
    }

    Read read(GoldenFixture fixture) {
        // as DocumentPerEventStorageStrategy hands it over: the payload is a JSON string
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("Golden", "golden-1", 0L,
                "golden-event-1", SampleEvents.INSTANT, fixture.payloadType(), fixture.payloadRevision(),
                fixture.payload().toString(), "{}");
        List<IntermediateEventRepresentation> upcast =
                chain.upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        if (upcast.size() != 1) {
            throw new AssertionError(fixture + ": the upcaster chain made " + upcast.size()
                    + " events of it; this test expects exactly one." + SEE);
        }
        IntermediateEventRepresentation representation = upcast.get(0);
        SerializedType type = representation.getType();
        Class<?> eventType = serializer.classForType(type);
        if (eventType == UnknownSerializedType.class) {
            throw new AssertionError(fixture + ": there is no event type " + type.getName() + " any more. "
                    + "Stored events of that type would reach every handler as an unknown type and be skipped; "
                    + "a renamed or moved event needs an upcaster that renames the stored type." + SEE);
        }
        if (!EventTypes.isEvent(eventType)) {
            throw new AssertionError(fixture + ": " + eventType.getName()
                    + " is no longer an event (a record implementing a sealed ...Event interface)." + SEE);
        }
        String current = EventTypes.revisionOf(eventType);
        if (!Objects.equals(current, type.getRevision())) {
            throw new AssertionError(fixture + ": after the upcaster chain it is still revision " + type.getRevision()
                    + " of " + eventType.getSimpleName() + ", whose current revision is " + current
                    + ". Write an upcaster from revision " + type.getRevision() + " to " + current
                    + " and list it in EventUpcasters." + SEE);
        }
        Object event;
        try {
            event = serializer.deserialize(representation.getData());
        } catch (RuntimeException e) {
            throw new AssertionError(fixture + " no longer reads into " + eventType.getName() + " (revision " + current
                    + "): " + NestedExceptionUtils.getMostSpecificCause(e).getMessage().lines().findFirst().orElse("")
                    + "\nThe stored shape and the record differ: if the record changed, give it a new @Revision, "
                    + "write an upcaster from the old shape and generate the new revision's fixture." + SEE, e);
        }
        return new Read(eventType, event, tree(representation.getData(String.class).getData()));
    }

    /** The event serialized again, as the app would store it now. */
    JsonNode write(Object event) {
        return tree(serializer.serialize(event, String.class).getData());
    }

    private JsonNode tree(String json) {
        try {
            return serializer.getObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(json, e);
        }
    }

    /** A copy without fields whose value is null: the app never writes them (non_null inclusion). */
    static JsonNode withoutNulls(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            object.fieldNames().forEachRemaining(name -> {
                if (object.get(name).isNull()) {
                    nulls.add(name);
                }
            });
            object.remove(nulls);
        }
        node.forEach(FixtureReader::strip);
    }

    /**
     * The fields of the record (and of the records, lists and maps inside it) that the payload lacks,
     * as paths like {@code targets[].breakdown}. Reading would fill them with null, so a field added
     * without a new revision shows only here.
     */
    static List<String> fieldsMissingFrom(JsonNode payload, Class<?> record) {
        List<String> missing = new ArrayList<>();
        collectMissing(record, payload, "", missing);
        return missing;
    }

    private static void collectMissing(Type type, JsonNode node, String path, List<String> missing) {
        if (node == null || node.isMissingNode()) {
            missing.add(path);
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                node.forEach(element -> collectMissing(arguments[0], element, path + "[]", missing));
            } else if (Map.class.isAssignableFrom(raw)) {
                node.forEach(value -> collectMissing(arguments[1], value, path + "{}", missing));
            }
            return;
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                String child = path.isEmpty() ? component.getName() : path + "." + component.getName();
                collectMissing(component.getGenericType(), node.get(component.getName()), child, missing);
            }
        }
    }
}
