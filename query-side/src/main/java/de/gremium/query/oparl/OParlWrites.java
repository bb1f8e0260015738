package de.gremium.query.oparl;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The projection's writes. Every write keeps {@code created} at the earliest and {@code modified} at the latest event
 * timestamp that touched the object ({@code $min}, {@code $max}), and sets absolute values otherwise, so that an event
 * applied twice changes nothing.
 */
final class OParlWrites {

    private final MongoTemplate mongo;

    OParlWrites(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Creates the object or sets the given attributes on it; a null value removes the attribute. */
    void put(String id, OParlKind kind, String parent, Instant at, Map<String, ?> fields, Map<String, ?> refs) {
        Update update = stamped(new Update(), at).setOnInsert("kind", kind).unset("deleted");
        if (parent != null) {
            update.setOnInsert("parent", parent);
        }
        setAll(update, "fields", fields);
        setAll(update, "refs", refs);
        mongo.upsert(query(where("_id").is(id)), update, OParlObject.class);
    }

    /** Applies {@code update} to the object if it exists, and marks it modified at {@code at}. */
    void change(String id, Instant at, Update update) {
        mongo.updateFirst(query(where("_id").is(id)), stamped(update, at), OParlObject.class);
    }

    /** The object changed because something embedded in it did. */
    void touch(String id, Instant at) {
        change(id, at, new Update());
    }

    /** A soft delete as OParl wants it: {@code id}, {@code type} and {@code created} stay, {@code modified} moves. */
    void delete(String id, Instant at) {
        change(id, at, new Update().set("deleted", true));
    }

    OParlObject find(String id) {
        return mongo.findById(id, OParlObject.class);
    }

    MongoTemplate mongo() {
        return mongo;
    }

    /** Attribute names and values, in pairs; a null value removes the attribute ({@link #put}). */
    static Map<String, Object> values(Object... pairs) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        return values;
    }

    static Update stamped(Update update, Instant at) {
        return update.min("created", at).max("modified", at);
    }

    static void setAll(Update update, String prefix, Map<String, ?> values) {
        values.forEach((name, value) -> {
            if (value == null) {
                update.unset(prefix + "." + name);
            } else {
                update.set(prefix + "." + name, value);
            }
        });
    }
}
