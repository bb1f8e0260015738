package de.gremium.platform.store;

import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A cursor that reads a sorted query in index order as the client asks for batches: the documents of one
 * group of equal sort values at a time, matched against the query and sorted by the further sort keys.
 * Like a MongoDB cursor it is not a snapshot: a document changed after the query began is read as it is
 * when its group is reached, and dropped then if it no longer matches.
 */
final class WalkCursor implements Cursor {

    private final long id;
    private final Iterator<Collection<Object>> groups;
    private final Function<Object, Document> documents;
    private final Predicate<Document> matches;
    private final Comparator<Document> order;
    private final Deque<Document> ready = new ArrayDeque<>();

    WalkCursor(long id, Iterator<Collection<Object>> groups, Function<Object, Document> documents, Predicate<Document> matches,
            Comparator<Document> order) {
        this.id = id;
        this.groups = groups;
        this.documents = documents;
        this.matches = matches;
        this.order = order;
    }

    @Override
    public long getId() {
        return id;
    }

    @Override
    public synchronized boolean isEmpty() {
        fill(1);
        return ready.isEmpty();
    }

    @Override
    public synchronized List<Document> takeDocuments(int numberToReturn) {
        int wanted = numberToReturn > 0 ? numberToReturn : Integer.MAX_VALUE;
        fill(wanted);
        List<Document> batch = new ArrayList<>(Math.min(wanted, ready.size()));
        while (batch.size() < wanted && !ready.isEmpty()) {
            batch.add(ready.poll());
        }
        return batch;
    }

    private void fill(int wanted) {
        while (ready.size() < wanted && groups.hasNext()) {
            List<Document> group = new ArrayList<>();
            for (Object position : groups.next()) {
                Document document = documents.apply(position);
                if (document != null && matches.test(document)) {
                    group.add(document);
                }
            }
            group.sort(order);
            ready.addAll(group);
        }
    }
}
