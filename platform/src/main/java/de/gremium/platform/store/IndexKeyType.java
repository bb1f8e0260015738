package de.gremium.platform.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded server's unique indexes: written and read as before (H2's
 * {@link ObjectDataType}), ordered without serialising.
 *
 * <p>mongo-java-server keys a unique index by {@link KeyValue}, which is not {@link Comparable}, so H2
 * ordered two keys by Java-serialising both and comparing the bytes: every lookup in a B-tree of n keys
 * built about 2·log₂(n) {@code ObjectOutputStream}s. That was half of the embedded server's CPU (every
 * insert checks the {@code _id} index and each unique one, every upsert looks its document up by
 * {@code _id}). This order compares the values of the keys directly: by class name first, then, for the
 * value types keys hold (strings, numbers, dates, ids, booleans), by the values' own order, which for
 * these classes is zero exactly when they are equal; any other value (a sub-document, an array) still by
 * its serialised bytes. So two keys are the same key exactly when they were before; only the order in
 * which the B-tree keeps them changed, and {@link IndexedH2Database} rebuilds an index stored in the
 * former order once.
 */
final class IndexKeyType extends ObjectDataType {

    /** Classes whose compareTo is a total order that is zero exactly when equals is true. */
    private static final Set<Class<?>> NATURALLY_ORDERED = Set.of(String.class, Double.class, Long.class,
            Integer.class, Boolean.class, Instant.class, Date.class, UUID.class, ObjectId.class);

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue x && b instanceof KeyValue y) {
            return compareKeys(x, y);
        }
        return super.compare(a, b);
    }

    static int compareKeys(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int order = compareValues(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object x, Object y) {
        if (x == y) {
            return 0;
        }
        if (x == null || y == null) {
            return x == null ? -1 : 1;
        }
        Class<?> type = x.getClass();
        if (type != y.getClass()) {
            int byName = type.getName().compareTo(y.getClass().getName());
            return byName != 0 ? byName : compareSerialised(x, y);
        }
        if (x instanceof Missing) {
            return 0; // one marker; a deserialised copy is another instance of it
        }
        if (NATURALLY_ORDERED.contains(type)) {
            return ((Comparable) x).compareTo(y);
        }
        return compareSerialised(x, y);
    }

    private static int compareSerialised(Object x, Object y) {
        return compareNotNull(serialize(x), serialize(y));
    }
}
