package de.gremium.platform.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/**
 * A non-unique index for the embedded server, which has none of its own (mongo-java-server logs "adding
 * secondary index … is not yet implemented. ignoring" and scans). Without it every poll of an event
 * processor ({@code timestamp >= t}) and every load of an aggregate scanned the whole event store, so the
 * cost of each command and each poll grew with the store. Queries on the index's first key use it
 * ({@link FirstKeyLookup}); the other keys only narrow nothing, the collection still matches every
 * candidate against the whole query.
 */
final class SecondaryIndex extends Index<Object> implements WithFirstKeyLookup {

    private final FirstKeyLookup lookup;

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.lookup = new FirstKeyLookup(keys.get(0).getKey());
    }

    @Override
    public FirstKeyLookup lookup() {
        return lookup;
    }

    @Override
    public Object getPosition(Document document) {
        return lookup.positionOf(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // nothing to check: not unique
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        lookup.add(this, document, position);
    }

    @Override
    public Object remove(Document document) {
        return lookup.remove(document);
    }

    @Override
    public boolean canHandle(Document query) {
        return lookup.canHandle(query);
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        return lookup.candidates(query);
    }

    @Override
    public long getCount() {
        return lookup.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // nothing to check: not unique
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        lookup.remove(oldDocument);
        lookup.add(this, newDocument, position);
    }

    @Override
    public void drop() {
        lookup.clear();
    }
}
