package de.gremium.platform.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * An H2 database of the embedded server whose indexes answer more than exact lookups: non-unique
 * indexes exist ({@link SecondaryIndex}) and unique compound ones also answer queries on their first key
 * ({@link UniqueIndexWithLookup}). Unique indexes, the {@code _id} index included, keep their keys in an
 * order that does not serialise them ({@link OrderedUniqueIndex}).
 *
 * Its collections read sorted, limited queries in index order ({@link IndexedH2Collection}).
 *
 * <p>H2Database opens the indexes of its collections from its own constructor, so these factory methods
 * run before this class's fields would be set; they use none.
 */
final class IndexedH2Database extends H2Database {

    /** H2Database keeps its store to itself and opens collections from its constructor, before fields are set. */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    private IndexedH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
        this.store = store;
    }

    static IndexedH2Database open(String name, MVStore store, CursorRegistry cursors) {
        OPENING.set(store);
        try {
            return new IndexedH2Database(name, store, cursors);
        } finally {
            OPENING.remove();
        }
    }

    /** The store; while the constructor runs (fields not yet set), the one being opened. */
    private MVStore mvStore() {
        return store != null ? store : OPENING.get();
    }

    /** As H2Database opens a collection (same maps), as an {@link IndexedH2Collection}. */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        MVStore mvStore = mvStore();
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> data = mvStore.openMap("databases." + namespace);
        MVMap<String, Object> meta = mvStore.openMap("meta." + namespace);
        return new IndexedH2Collection(this, collectionName, options, data, meta, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        return new SecondaryIndex(indexName, keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName; // as H2Database names it
        Index<Object> unique = OrderedUniqueIndex.open(mvStore(), mapName, indexName, keys, sparse);
        if (keys.size() == 1 && keys.get(0).getKey().equals("_id")) {
            return unique;
        }
        return new UniqueIndexWithLookup(unique, sparse);
    }
}
