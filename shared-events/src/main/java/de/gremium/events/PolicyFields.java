package de.gremium.events;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Normalises a set of policy fields so that events compare and serialise the same way every time. */
public final class PolicyFields {

    private PolicyFields() {
    }

    /** An unmodifiable copy in declaration order (an empty input stays empty; null becomes empty). */
    public static Set<PolicyField> normalised(Collection<PolicyField> fields) {
        if (fields == null || fields.isEmpty()) {
            return Set.of();
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(fields));
    }
}
