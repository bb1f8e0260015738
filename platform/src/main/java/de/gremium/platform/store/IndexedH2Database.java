package de.gremium.platform.store;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * An H2 database of the embedded server whose indexes answer more than exact lookups: non-unique
 * indexes exist ({@link SecondaryIndex}) and unique compound ones also answer queries on their first key
 * ({@link UniqueIndexWithLookup}). The {@code _id} index stays as it is.
 *
 * <p>H2Database opens the indexes of its collections from its own constructor, so these factory methods
 * run before this class's fields would be set; they use none.
 */
final class IndexedH2Database extends H2Database {

    IndexedH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        return new SecondaryIndex(indexName, keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        Index<Object> unique = super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        if (keys.size() == 1 && keys.get(0).getKey().equals("_id")) {
            return unique;
        }
        return new UniqueIndexWithLookup(unique, sparse);
    }
}
