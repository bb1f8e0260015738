package de.gremium.query.person;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Map;

/**
 * Whether a stored value names a person: some value in it, at any depth, equals their user id. A typed id
 * ({@code MemberId}, {@code {"value": "anna.amt50"}}), an actor field ({@code submittedBy}), a list of those present,
 * a member record's {@code _id}: every field that holds a user id holds it as the whole value, so equality finds them all
 * without a list of field names that a new event or view would have to be added to.
 */
final class Mentions {

    private Mentions() {
    }

    /** In an event's payload, as a JSON tree. */
    static boolean in(JsonNode tree, String userId) {
        if (tree == null) {
            return false;
        }
        if (tree.isTextual()) {
            return userId.equals(tree.textValue());
        }
        for (JsonNode child : tree) {
            if (in(child, userId)) {
                return true;
            }
        }
        return false; // values only: a key is a field's name, so "_id" or "title" must not name everyone
    }

    /** In a view's document, as the driver reads it (maps, lists, strings and other values). */
    static boolean in(Object value, String userId) {
        if (value instanceof String text) {
            return userId.equals(text);
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(child -> in(child, userId)); // values only, never keys
        }
        if (value instanceof Collection<?> list) {
            return list.stream().anyMatch(child -> in(child, userId));
        }
        return false;
    }
}
