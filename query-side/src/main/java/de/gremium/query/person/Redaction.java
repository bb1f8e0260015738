package de.gremium.query.person;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import de.gremium.events.privacy.PersonalData;
import de.gremium.platform.privacy.PersonalDataSerializer;
import de.gremium.platform.record.JsonTexts;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import org.bson.Document;

/**
 * What of a stored value is about one person, for the access export (docs/security.md, "Access"): the values equal to
 * their user id, the values marked {@link PersonalData} whose owner ({@code of}, resolved as the record's serializer
 * resolves it) is them, and the group's own non-personal fields (ids of items, enums such as a type or a status,
 * dates, numbers). Another person's id or name reads as {@link #OTHER_PERSON}, their text and every other unmarked
 * text (minutes, titles) as {@link #NOT_ABOUT_THE_PERSON}.
 */
final class Redaction {

    static final String OTHER_PERSON = "[andere Person]";
    static final String NOT_ABOUT_THE_PERSON = "[nicht über die Person]";

    private static final String LANGUAGE = "de.gremium.events";

    private final String subject;

    Redaction(String subject) {
        this.subject = subject;
    }

    /** An event's payload (its record, and the record as a JSON tree, changed in place and returned). */
    JsonNode event(Record payload, JsonNode tree) {
        if (tree instanceof ObjectNode fields && payload.getClass().getPackageName().startsWith(LANGUAGE)) {
            record(payload, fields, new ArrayDeque<>());
            return fields;
        }
        return texts(tree, NOT_ABOUT_THE_PERSON);
    }

    /**
     * A view document, which carries no marks: its {@code _id}, and the paths to the values equal to the user id (in a
     * list only the elements that lead to one); everything else is left out.
     */
    Document view(Document document) {
        Document kept = new Document("_id", document.get("_id"));
        document.forEach((name, value) -> {
            Object about = about(value);
            if (!"_id".equals(name) && about != null) {
                kept.put(name, about);
            }
        });
        return kept;
    }

    private Object about(Object value) {
        if (value instanceof String text) {
            return subject.equals(text) ? text : null;
        }
        if (value instanceof Map<?, ?> map) {
            Document kept = new Document();
            map.forEach((name, child) -> {
                Object about = about(child);
                if (about != null) {
                    kept.put(String.valueOf(name), about);
                }
            });
            return kept.isEmpty() ? null : kept;
        }
        if (value instanceof Collection<?> list) {
            var kept = list.stream().map(this::about).filter(about -> about != null).toList();
            return kept.isEmpty() ? null : kept;
        }
        return null;
    }

    private void record(Record record, ObjectNode fields, Deque<Record> carriers) {
        carriers.push(record);
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            JsonNode node = fields.get(component.getName());
            if (node == null || node.isNull()) {
                continue;
            }
            PersonalData mark = component.getAnnotation(PersonalData.class);
            if (mark == null) {
                fields.set(component.getName(), unmarked(valueOf(record, component), node, component.getName(), carriers));
            } else if (mark.of().length == 0) {
                fields.set(component.getName(), texts(node, OTHER_PERSON)); // user ids: each one the subject's or not
            } else if (!subject.equals(PersonalDataSerializer.resolve(mark.of(), carriers))) {
                fields.set(component.getName(), texts(node, mark.text() ? NOT_ABOUT_THE_PERSON : OTHER_PERSON));
            }
        }
        carriers.pop();
    }

    private JsonNode unmarked(Object value, JsonNode node, String name, Deque<Record> carriers) {
        if (value instanceof Record nested && nested.getClass().getPackageName().startsWith(LANGUAGE)
                && node instanceof ObjectNode fields) {
            if (nested.getClass().getSimpleName().endsWith("Id")) {
                return node; // a typed id of an item (a person's id is always marked)
            }
            record(nested, fields, carriers);
            return node;
        }
        if (value instanceof Collection<?> elements && node instanceof ArrayNode array && elements.size() == array.size()) {
            Iterator<?> element = elements.iterator();
            for (int i = 0; i < array.size(); i++) {
                array.set(i, unmarked(element.next(), array.get(i), name, carriers));
            }
            return array;
        }
        if (value instanceof String text) {
            return subject.equals(text) || isIdName(name) ? node : TextNode.valueOf(NOT_ABOUT_THE_PERSON);
        }
        if (value instanceof Enum<?> || value instanceof Number || value instanceof Boolean
                || value instanceof TemporalAccessor) {
            return node;
        }
        return texts(node, NOT_ABOUT_THE_PERSON); // maps and anything else: only the subject's id is kept
    }

    /** Every text in the node that is not the subject's user id reads as the replacement. */
    private JsonNode texts(JsonNode node, String replacement) {
        return JsonTexts.replace(node, text -> subject.equals(text) ? text : replacement);
    }

    /** A text component that holds the id of an item ({@code referenceId}, {@code candidateId}, {@code importId}). */
    private static boolean isIdName(String name) {
        return name.endsWith("Id") || name.endsWith("Ids");
    }

    /** The metadata of an event someone else caused: only the ids that tie messages together, the actor replaced. */
    ObjectNode metaData(Map<String, ?> metaData, Iterable<String> kept) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (String name : kept) {
            Object value = metaData.get(name);
            if (value != null) {
                fields.put(name, String.valueOf(value));
            }
        }
        return fields;
    }

    private static Object valueOf(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
