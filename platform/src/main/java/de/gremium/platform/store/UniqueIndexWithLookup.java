package de.gremium.platform.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.Objects;

/**
 * mongo-java-server's unique index (kept in the store file), plus a {@link FirstKeyLookup} on its first
 * key. The unique index serves only a query on exactly all its keys; Axon loads an aggregate with
 * {@code aggregateIdentifier = x and sequenceNumber >= n} and asks for its last sequence number with
 * {@code aggregateIdentifier = x} alone, and both scanned the event store. Uniqueness stays with the
 * original index; the lookup only finds candidates.
 *
 * <p>The lookup lives in memory. When the store opens, the unique index already holds its entries and the
 * collection fills only an index that reports itself empty, so this one reports empty while its lookup
 * is, and lets the collection add each stored document again: a document the unique index already holds
 * under its own position goes to the lookup only, without a uniqueness check against itself.
 */
final class UniqueIndexWithLookup extends Index<Object> implements WithFirstKeyLookup {

    private final Index<Object> unique;
    private final FirstKeyLookup lookup;

    UniqueIndexWithLookup(Index<Object> unique, boolean sparse) {
        super(unique.getName(), unique.getKeys(), sparse);
        this.unique = unique;
        this.lookup = new FirstKeyLookup(unique.getKeys().get(0).getKey());
    }

    @Override
    public boolean isEmpty() {
        return lookup.isEmpty();
    }

    @Override
    public boolean isUnique() {
        return true;
    }

    @Override
    public FirstKeyLookup lookup() {
        return lookup;
    }

    @Override
    public Object getPosition(Document document) {
        return unique.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        if (!alreadyHeld(document)) {
            unique.checkAdd(document, collection);
        }
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        if (!Objects.equals(unique.getPosition(document), position)) {
            unique.add(document, position, collection);
        }
        lookup.add(this, document, position);
    }

    /** Held by the unique index under this very document's position: being refilled into the lookup. */
    private boolean alreadyHeld(Document document) {
        Object held = unique.getPosition(document);
        return held != null && held.equals(positionOfId(document));
    }

    private static Object positionOfId(Document document) {
        // the H2 backend stores a document under its _id (Missing for none)
        return Missing.ofNullable(document.get("_id"));
    }

    @Override
    public Object remove(Document document) {
        lookup.remove(document);
        return unique.remove(document);
    }

    @Override
    public boolean canHandle(Document query) {
        return unique.canHandle(query) || lookup.canHandle(query);
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        return unique.canHandle(query) ? unique.getPositions(query) : lookup.candidates(query);
    }

    @Override
    public long getCount() {
        return unique.getCount();
    }

    @Override
    public long getDataSize() {
        return unique.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        unique.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection)
            throws KeyConstraintError {
        unique.updateInPlace(oldDocument, newDocument, position, collection);
        lookup.remove(oldDocument);
        lookup.add(this, newDocument, position);
    }

    @Override
    public void drop() {
        unique.drop();
        lookup.clear();
    }

    @Override
    public Document toIndexDescription() {
        return unique.toIndexDescription();
    }
}
