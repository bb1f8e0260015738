package de.gremium.platform.store;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;

/**
 * A query's {@code field: {$nin: [strings]}} answered from a hash set.
 *
 * <p>Axon's tracking query excludes the events its token has already seen within the look-back window
 * ({@code eventIdentifier $nin [...]}, about as many ids as events were stored in that window, a thousand
 * and more after a bulk load). mongo-java-server's matcher compares each candidate's id with every id of
 * the list, so a replay batch of 1,000 events cost a million comparisons; it was the embedded server's
 * largest cost in a replay. Here a candidate whose field is a string (or absent) is checked against the
 * set and then against the rest of the query; any other value (an array, a number, null) is left to the
 * matcher with the whole query, so the answer is the matcher's in every case.
 */
final class NotInStrings {

    /** Below this, the matcher's comparisons cost less than building a set. */
    private static final int WORTH_A_SET = 16;

    /** Candidates whose field the set answered (for tests: that the set is used, not only correct). */
    private static final AtomicLong ANSWERED = new AtomicLong();

    static final NotInStrings NONE = new NotInStrings(null, null, null, Set.of());

    private final Document query;
    private final Document rest;
    private final String field;
    private final Set<String> excluded;

    private NotInStrings(Document query, Document rest, String field, Set<String> excluded) {
        this.query = query;
        this.rest = rest;
        this.field = field;
        this.excluded = excluded;
    }

    /** Whether this was prepared for exactly this query object (a query is matched against many documents). */
    boolean isFor(Document candidate) {
        return query == candidate;
    }

    boolean applies() {
        return field != null;
    }

    /** For a top-level {@code field: {$nin: [...]}}, or one such clause of a top-level {@code $and}. */
    static NotInStrings of(Document query) {
        for (Map.Entry<String, Object> clause : query.entrySet()) {
            Set<String> excluded = excludedStrings(clause.getKey(), clause.getValue());
            if (excluded != null) {
                Document rest = new Document(query);
                rest.remove(clause.getKey());
                return new NotInStrings(query, rest, clause.getKey(), excluded);
            }
        }
        if (query.size() == 1 && query.get("$and") instanceof List<?> parts) {
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i) instanceof Document part && part.size() == 1) {
                    Map.Entry<String, Object> clause = part.entrySet().iterator().next();
                    Set<String> excluded = excludedStrings(clause.getKey(), clause.getValue());
                    if (excluded != null) {
                        List<Object> others = new ArrayList<>(parts);
                        others.remove(i);
                        Document rest = others.isEmpty() ? new Document() : new Document("$and", others);
                        return new NotInStrings(query, rest, clause.getKey(), excluded);
                    }
                }
            }
        }
        return new NotInStrings(query, null, null, Set.of());
    }

    static long answered() {
        return ANSWERED.get();
    }

    private static Set<String> excludedStrings(String field, Object condition) {
        if (field.startsWith("$") || field.contains(".") || !(condition instanceof Document operators)
                || operators.size() != 1 || !(operators.get("$nin") instanceof Collection<?> values)
                || values.size() < WORTH_A_SET) {
            return null;
        }
        Set<String> strings = new HashSet<>();
        for (Object value : values) {
            if (!(value instanceof String string)) {
                return null;
            }
            strings.add(string);
        }
        return strings;
    }

    /** The matcher's answer for this document, asking the matcher only what the set cannot answer. */
    boolean matches(Document document, BiPredicate<Document, Document> matcher) {
        Object value = document.get(field);
        if (value instanceof String string) {
            ANSWERED.incrementAndGet();
            return !excluded.contains(string) && matcher.test(document, rest);
        }
        if (value == null && !document.containsKey(field)) {
            return matcher.test(document, rest); // an absent field is in no list
        }
        return matcher.test(document, query);
    }
}
