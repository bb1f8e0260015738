package de.gremium.query.oparl;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One OParl object as the {@code oparl} projection keeps it. {@code id} is its path below the interface's root
 * ({@code meeting/<meetingId>}), which the reader turns into an absolute URL. {@code created} is the timestamp of the
 * first event that made it, {@code modified} of the last that changed it (or an object embedded in it).
 *
 * @param parent the object it is embedded in (an agenda item's meeting, a membership's person), or null
 * @param version the sequence number of the last event of the owning aggregate applied (meetings only)
 * @param fields the OParl attributes with plain values (strings, numbers, booleans, lists of strings)
 * @param refs the OParl attributes that name other objects or lists, as paths (a string or a list of them)
 * @param internal what the projection needs to remember and the reader never shows
 */
@Document(OParlObject.COLLECTION)
@CompoundIndex(name = "list", def = "{'kind': 1, 'created': 1, '_id': 1}")
@CompoundIndex(name = "parent", def = "{'parent': 1}")
public record OParlObject(@Id String id, OParlKind kind, String parent, Instant created, Instant modified,
        Boolean deleted, Long version, Map<String, Object> fields, Map<String, Object> refs,
        Map<String, Object> internal) {

    public static final String COLLECTION = "oparl_objects";

    public boolean isDeleted() {
        return Boolean.TRUE.equals(deleted);
    }

    public Map<String, Object> fields() {
        return fields == null ? Map.of() : fields;
    }

    public Map<String, Object> refs() {
        return refs == null ? Map.of() : refs;
    }

    public Map<String, Object> internal() {
        return internal == null ? Map.of() : internal;
    }

    public long versionOrZero() {
        return version == null ? -1 : version;
    }
}
