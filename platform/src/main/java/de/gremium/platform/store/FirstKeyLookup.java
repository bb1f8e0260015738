package de.gremium.platform.store;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An in-memory ordered map from the first key of an index to the positions of the documents that hold
 * each value: what lets the embedded server answer {@code {aggregateIdentifier: x}} or
 * {@code {timestamp: {$gte: t}}} without scanning the collection.
 *
 * <p>It is a <em>candidate</em> lookup: the collection matches every document it names against the whole
 * query again, so the lookup may name more documents than match, never fewer. It only answers equality,
 * {@code $in} and ranges with a lower bound on non-null scalar values, found at the top of the query or
 * inside a top-level {@code $and}; for anything else it declines and the collection scans. Values are
 * ordered by mongo-java-server's own {@link ValueComparator}, the order its matcher compares in, so a range
 * taken from the map holds every value the matcher accepts. Arrays are indexed per element (multikey),
 * as {@link Index#getKeyValues} expands them.
 *
 * <p>Kept in memory only and rebuilt from the documents when the store opens: nothing of it is ever
 * committed, so a crash cannot leave it out of step with the data.
 */
final class FirstKeyLookup {

    private final String field;
    private final NavigableMap<Object, Set<Object>> positionsByValue = new TreeMap<>(ValueComparator.ascWithoutListHandling());
    private final Map<Object, Object> positionById = new HashMap<>();
    private final Map<Object, List<Object>> valuesByPosition = new HashMap<>();
    /** Documents without a value for the field (absent or null): they sort before every value. */
    private final Set<Object> withoutValue = new LinkedHashSet<>();
    /** Whether some document held an array in the field; then the map's order is not the sort order. */
    private boolean multikey;

    FirstKeyLookup(String field) {
        this.field = field;
    }

    synchronized boolean isEmpty() {
        return positionById.isEmpty();
    }

    synchronized void add(Index<?> index, Document document, Object position) {
        List<Object> values = new ArrayList<>();
        for (KeyValue keyValue : index.getKeyValues(document)) {
            Object value = keyValue.get(0);
            if (value != null && !values.contains(value)) {
                values.add(value);
                positionsByValue.computeIfAbsent(value, v -> new LinkedHashSet<>()).add(position);
            }
        }
        if (values.isEmpty()) {
            withoutValue.add(position);
        }
        if (Utils.getSubdocumentValue(document, field) instanceof Collection<?>) {
            multikey = true;
        }
        positionById.put(document.get("_id"), position);
        valuesByPosition.put(position, values);
    }

    /** Forgets the document; returns its position, or null if it was never added. */
    synchronized Object remove(Document document) {
        Object position = positionById.remove(document.get("_id"));
        if (position == null) {
            return null;
        }
        withoutValue.remove(position);
        for (Object value : valuesByPosition.remove(position)) {
            Set<Object> positions = positionsByValue.get(value);
            if (positions != null) {
                positions.remove(position);
                if (positions.isEmpty()) {
                    positionsByValue.remove(value);
                }
            }
        }
        return position;
    }

    synchronized Object positionOf(Document document) {
        return positionById.get(document.get("_id"));
    }

    synchronized void clear() {
        positionsByValue.clear();
        positionById.clear();
        valuesByPosition.clear();
        withoutValue.clear();
        multikey = false;
    }

    String field() {
        return field;
    }

    /** Whether {@link #firstInOrder} gives the order a sort on the field gives (no document held an array there). */
    synchronized boolean ordersLikeASort() {
        return !multikey;
    }

    /**
     * The positions of the first documents in the order of a sort on the field that {@code accept} takes,
     * at least {@code wanted} of them if there are, and every document that ties with the last one (the
     * caller sorts them by its further sort keys). Documents without a value come first ascending and last
     * descending, as MongoDB sorts them. A condition of the query on this field limits the walk to the
     * values it allows.
     */
    synchronized List<Object> firstInOrder(boolean descending, Document query, Predicate<Object> accept, int wanted) {
        List<Object> taken = new ArrayList<>();
        for (Collection<Object> group : liveGroupsInOrder(descending, query)) {
            if (taken.size() >= wanted) {
                break;
            }
            takeGroup(group, accept, taken);
        }
        return taken;
    }

    /**
     * The positions in sort order as groups of equal values, read a few groups at a time as the caller
     * goes on (a cursor of Axon's tracking query reads one batch and is closed; copying every group after
     * its start cost a pass over the rest of the store per batch). Each step resumes after the last value
     * it returned, in the map as it is then: like a MongoDB cursor, not a snapshot.
     */
    Iterator<Collection<Object>> walk(boolean descending, Document query) {
        return new Walk(descending, condition(query).orElse(null));
    }

    /** How many groups one step of a {@link #walk} copies while holding the lookup's lock. */
    private static final int GROUPS_PER_STEP = 64;

    private final class Walk implements Iterator<Collection<Object>> {

        private final boolean descending;
        private final Condition condition;
        private final Deque<Collection<Object>> ready = new ArrayDeque<>();
        /** 0: documents without a value (first when ascending), 1: the values, 2: without a value (last when descending), 3: done. */
        private int stage;
        private Object lastValue;
        private boolean anyValue;

        Walk(boolean descending, Condition condition) {
            this.descending = descending;
            this.condition = condition;
        }

        @Override
        public boolean hasNext() {
            while (ready.isEmpty() && stage < 3) {
                step();
            }
            return !ready.isEmpty();
        }

        @Override
        public Collection<Object> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.poll();
        }

        private void step() {
            synchronized (FirstKeyLookup.this) {
                if (stage == 0 || stage == 2) {
                    boolean here = condition == null && (stage == 0) != descending;
                    if (here && !withoutValue.isEmpty()) {
                        ready.add(List.copyOf(withoutValue));
                    }
                    stage++;
                    return;
                }
                NavigableMap<Object, Set<Object>> values = valuesAllowedBy(condition);
                NavigableMap<Object, Set<Object>> ordered = descending ? values.descendingMap() : values;
                if (anyValue) {
                    ordered = ordered.tailMap(lastValue, false);
                }
                int taken = 0;
                for (Map.Entry<Object, Set<Object>> group : ordered.entrySet()) {
                    if (taken == GROUPS_PER_STEP) {
                        return;
                    }
                    Set<Object> positions = group.getValue();
                    ready.add(positions.size() == 1 ? List.of(positions.iterator().next()) : List.copyOf(positions));
                    lastValue = group.getKey();
                    anyValue = true;
                    taken++;
                }
                stage = 2;
            }
        }
    }

    /**
     * Groups of positions of equal values, in sort order, limited to the values a condition of the query on
     * this field allows; without one, the documents without a value come first (ascending) or last. Views of
     * the live maps, nothing copied (a page of 20 must not cost a pass over 100,000 values): read them only
     * while holding this lookup's lock.
     */
    private Iterable<Collection<Object>> liveGroupsInOrder(boolean descending, Document query) {
        Condition condition = condition(query).orElse(null);
        NavigableMap<Object, Set<Object>> values = valuesAllowedBy(condition);
        Stream<Collection<Object>> ordered = (descending ? values.descendingMap() : values).values().stream()
                .map(group -> (Collection<Object>) group);
        if (condition == null) {
            Stream<Collection<Object>> without = Stream.of(withoutValue);
            ordered = descending ? Stream.concat(ordered, without) : Stream.concat(without, ordered);
        }
        return ordered::iterator;
    }

    private static void takeGroup(Collection<Object> group, Predicate<Object> accept, List<Object> taken) {
        for (Object position : group) {
            if (accept.test(position)) {
                taken.add(position);
            }
        }
    }

    synchronized long size() {
        return positionById.size();
    }

    boolean canHandle(Document query) {
        return condition(query).isPresent();
    }

    /** Whether the query's candidates number more than {@code limit}, counted without copying them. */
    synchronized boolean moreCandidatesThan(Document query, int limit) {
        long count = 0;
        for (Set<Object> positions : valuesAllowedBy(requiredCondition(query)).values()) {
            count += positions.size();
            if (count > limit) {
                return true;
            }
        }
        return false;
    }

    /** A copy: the collection may read the positions after this returned, while others write. */
    synchronized List<Object> candidates(Document query) {
        Set<Object> distinct = new LinkedHashSet<>();
        valuesAllowedBy(requiredCondition(query)).values().forEach(distinct::addAll);
        return new ArrayList<>(distinct);
    }

    private Condition requiredCondition(Document query) {
        return condition(query).orElseThrow(() -> new IllegalArgumentException("not a query on " + field));
    }

    /** The values (with their positions) a condition allows, as a view of the live map; all without one. */
    private NavigableMap<Object, Set<Object>> valuesAllowedBy(Condition condition) {
        if (condition == null) {
            return positionsByValue;
        }
        if (condition.equalTo() != null) {
            NavigableMap<Object, Set<Object>> equal = new TreeMap<>(positionsByValue.comparator());
            for (Object value : condition.equalTo()) {
                Set<Object> found = positionsByValue.get(value);
                if (found != null) {
                    equal.put(value, found);
                }
            }
            return equal;
        }
        return condition.upper() == null
                ? positionsByValue.tailMap(condition.lower(), condition.lowerInclusive())
                : positionsByValue.subMap(condition.lower(), condition.lowerInclusive(), condition.upper(),
                        condition.upperInclusive());
    }

    /** Equality (one or more values) or a range with a lower bound; whichever usable condition comes first. */
    record Condition(List<Object> equalTo, Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {
    }

    private Optional<Condition> condition(Document query) {
        List<Object> clauses = new ArrayList<>();
        collect(query, clauses);
        Condition range = null;
        for (Object clause : clauses) {
            Condition condition = usable(clause);
            if (condition != null && condition.equalTo() != null) {
                return Optional.of(condition);
            }
            if (condition != null && range == null) {
                range = condition;
            }
        }
        return Optional.ofNullable(range);
    }

    private void collect(Document query, List<Object> clauses) {
        if (query.containsKey(field)) {
            clauses.add(query.get(field));
        }
        if (query.get("$and") instanceof Collection<?> all) {
            for (Object part : all) {
                if (part instanceof Document document) {
                    collect(document, clauses);
                }
            }
        }
    }

    private static Condition usable(Object clause) {
        if (isScalar(clause)) {
            return new Condition(List.of(clause), null, false, null, false);
        }
        if (!(clause instanceof Document operators) || operators.isEmpty()
                || !operators.keySet().stream().allMatch(key -> key.startsWith("$"))) {
            return null;
        }
        if (isScalar(operators.get("$eq"))) {
            return new Condition(List.of(operators.get("$eq")), null, false, null, false);
        }
        if (operators.get("$in") instanceof Collection<?> values && !values.isEmpty()
                && values.stream().allMatch(FirstKeyLookup::isScalar)) {
            return new Condition(List.copyOf(values), null, false, null, false);
        }
        Object lower = operators.containsKey("$gte") ? operators.get("$gte") : operators.get("$gt");
        if (!isScalar(lower)) {
            return null;
        }
        Object upper = operators.containsKey("$lte") ? operators.get("$lte") : operators.get("$lt");
        boolean bounded = isScalar(upper) && ValueComparator.ascWithoutListHandling().compare(lower, upper) <= 0;
        return new Condition(null, lower, operators.containsKey("$gte"), bounded ? upper : null, operators.containsKey("$lte"));
    }

    /** Values whose equality and order the matcher and the comparator agree on; not null, arrays, documents, patterns. */
    private static boolean isScalar(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Date || value instanceof java.time.Instant || value instanceof ObjectId
                || value instanceof UUID;
    }
}
