package de.gremium.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import de.gremium.events.privacy.PersonalData;
import de.gremium.events.privacy.ProblemReportTextErased;
import de.gremium.platform.axon.MetadataKeys;
import de.gremium.platform.record.JsonTexts;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crypto-shredding around the record's serializer ({@code StoredJson}): what an event marks {@link PersonalData}, and
 * the user id in every message's metadata, is written encrypted with its person's key (docs/adr/0007-crypto-shredding.md).
 *
 * <p>Writing knows the event's type and follows its marks. Reading does not need to: every marked string anywhere in
 * the stored JSON (after the upcasters, which leave strings they do not understand alone) is replaced by its
 * plaintext, or by {@link PersonalData#ERASED_PERSON} / {@link PersonalData#ERASED_TEXT} once its key is deleted.
 * Everything else (snapshots, tokens, sagas, rows written before this existed) passes through unchanged.
 */
public final class PersonalDataSerializer implements Serializer {

    /** Metadata holding free text of the acting user: the reason an erasure was made. */
    private static final String ERASURE_REASON = ProblemReportTextErased.REASON;

    /**
     * The pseudo-subject whose key holds a marked value without an owner (its {@code of} empty) and without an item:
     * never in clear; erasing it ({@code erasePerson(UNKNOWN_OWNER)}) erases all such values at once.
     */
    public static final String UNKNOWN_OWNER = "—unbekannt—";

    private static final String LANGUAGE = "de.gremium.events";
    private static final byte[] PREFIX_BYTES = PersonalDataCipher.PREFIX.getBytes(StandardCharsets.UTF_8);
    private static final byte[] LITERAL_BYTES = PersonalDataCipher.LITERAL.getBytes(StandardCharsets.UTF_8);
    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataSerializer.class);

    private final Serializer delegate;
    private final PersonalDataKeys keys;

    public PersonalDataSerializer(Serializer delegate, PersonalDataKeys keys) {
        this.delegate = delegate;
        this.keys = keys;
    }

    /** The serializer underneath, which writes the JSON ({@code StoredJson}'s Jackson serializer in the record). */
    public Serializer delegate() {
        return delegate;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        boolean event = object instanceof Record && object.getClass().getPackageName().startsWith(LANGUAGE);
        if (!event && !(object instanceof MetaData)) {
            return delegate.serialize(object, expectedRepresentation);
        }
        SerializedObject<JsonNode> json = delegate.serialize(object, JsonNode.class);
        if (json.getData() instanceof ObjectNode fields) {
            JsonTexts.replace(fields, PersonalDataCipher::escaped); // only the serializer makes marked values
            if (event) {
                sealRecord((Record) object, fields, new ArrayDeque<>());
            } else {
                sealMetaData(fields);
            }
        }
        return getConverter().convert(json, expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (!mayHoldSealedValues(serializedObject.getData())) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode json = getConverter().convert(serializedObject, JsonNode.class).getData();
        JsonNode opened = open(json.deepCopy(), new HashMap<>());
        return delegate.deserialize(new SimpleSerializedObject<>(opened, JsonNode.class, serializedObject.getType()));
    }

    /** Stored JSON with every sealed value opened, or read as its placeholder: what a reader of the record sees. */
    public JsonNode opened(JsonNode stored) {
        return open(stored.deepCopy(), new HashMap<>());
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    // writing

    private void sealRecord(Record record, ObjectNode fields, Deque<Record> carriers) {
        carriers.push(record);
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            JsonNode node = fields.get(component.getName());
            if (node == null || node.isNull()) {
                continue;
            }
            PersonalData mark = component.getAnnotation(PersonalData.class);
            if (mark != null) {
                fields.set(component.getName(), seal(node, mark, record.getClass().getSimpleName() + "." + component.getName(), carriers));
            } else {
                sealNested(valueOf(record, component), node, carriers);
            }
        }
        carriers.pop();
    }

    /** Values of the language inside an unmarked component (a guest, an agenda topic) carry marks of their own. */
    private void sealNested(Object value, JsonNode node, Deque<Record> carriers) {
        if (value instanceof Record nested && nested.getClass().getPackageName().startsWith(LANGUAGE) && node instanceof ObjectNode fields) {
            sealRecord(nested, fields, carriers);
        } else if (value instanceof Collection<?> elements && node instanceof ArrayNode array && elements.size() == array.size()) {
            Iterator<?> element = elements.iterator();
            for (int i = 0; i < array.size(); i++) {
                sealNested(element.next(), array.get(i), carriers);
            }
        }
    }

    private JsonNode seal(JsonNode node, PersonalData mark, String component, Deque<Record> carriers) {
        if (node.isTextual()) {
            String value = node.textValue();
            String person = mark.of().length == 0 ? PersonalDataCipher.unescaped(value) : resolve(mark.of(), carriers);
            if (value.isEmpty()) {
                return node;
            }
            String item = mark.item().isEmpty() ? "" : Optional.ofNullable(resolve(new String[] {mark.item()}, carriers)).orElse("");
            if (person == null || person.isBlank()) {
                // never stored in clear: under the item's key if it has one (erased with the item), else the unknown's
                LOG.warn("{}: {} has no owner ({} is empty): stored under the key of {}",
                        carriers.peekLast().getClass().getSimpleName(), component, String.join("/", mark.of()),
                        item.isEmpty() ? "the unknown person" : "its item");
                person = UNKNOWN_OWNER;
            }
            return TextNode.valueOf(PersonalDataCipher.seal(value, keys.keyFor(person, item), mark.text()));
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, seal(array.get(i), mark, component, carriers));
            }
        } else if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> field.setValue(seal(field.getValue(), mark, component, carriers)));
        }
        return node;
    }

    /**
     * The first of the named components found, in the innermost record first: as text (an id by its value). How a
     * mark's {@code of} (and {@code item}) finds its owner; the access export resolves owners the same way.
     */
    public static String resolve(String[] names, Deque<Record> carriers) {
        for (Record record : carriers) {
            for (String name : names) {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    if (component.getName().equals(name)) {
                        return asText(valueOf(record, component));
                    }
                }
            }
        }
        return null;
    }

    private static String asText(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Record id && id.getClass().getRecordComponents().length == 1) {
            return asText(valueOf(id, id.getClass().getRecordComponents()[0]));
        }
        return value.toString();
    }

    private static Object valueOf(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private void sealMetaData(ObjectNode fields) {
        JsonNode userId = fields.get(MetadataKeys.USER_ID);
        if (userId == null || !userId.isTextual() || userId.textValue().isBlank()) {
            return;
        }
        String person = PersonalDataCipher.unescaped(userId.textValue());
        JsonNode reason = fields.get(ERASURE_REASON);
        if (reason != null && reason.isTextual() && !reason.textValue().isEmpty()) {
            fields.put(ERASURE_REASON, PersonalDataCipher.seal(reason.textValue(), keys.keyFor(person, ""), true));
        }
        fields.put(MetadataKeys.USER_ID, PersonalDataCipher.seal(person, keys.keyFor(person, ""), false));
    }

    // reading

    private static boolean mayHoldSealedValues(Object data) {
        if (data instanceof byte[] bytes) {
            return indexOf(bytes, PREFIX_BYTES) >= 0 || indexOf(bytes, LITERAL_BYTES) >= 0;
        }
        if (data instanceof String text) {
            return text.contains(PersonalDataCipher.PREFIX) || text.contains(PersonalDataCipher.LITERAL);
        }
        return data != null;
    }

    private JsonNode open(JsonNode node, Map<UUID, Optional<byte[]>> keysRead) {
        return JsonTexts.replace(node, text -> PersonalDataCipher.unescaped(PersonalDataCipher.parse(text)
                .map(sealed -> openOrPlaceholder(sealed, keysRead))
                .orElse(text)));
    }

    private String openOrPlaceholder(PersonalDataCipher.Sealed sealed, Map<UUID, Optional<byte[]>> keysRead) {
        String placeholder = sealed.text() ? PersonalData.ERASED_TEXT : PersonalData.ERASED_PERSON;
        Optional<byte[]> key = keysRead.computeIfAbsent(sealed.keyId(), keys::bytesOf);
        if (key.isEmpty()) {
            return placeholder;
        }
        Optional<String> opened = PersonalDataCipher.open(sealed, key.get());
        if (opened.isEmpty()) {
            // only the serializer writes marked values (others are kept as literals): this one was changed in the record
            LOG.error("A sealed value of key {} does not open: the stored row was changed; it reads as the placeholder",
                    sealed.keyId());
        }
        return opened.orElse(placeholder);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
