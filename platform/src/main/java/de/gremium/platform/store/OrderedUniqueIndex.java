package de.gremium.platform.store;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's unique index of the H2 backend (the same map, the same entries), on a map ordered
 * by {@link IndexKeyType}.
 *
 * <p>A map written in the former order (by serialised bytes) cannot be searched in the new one, so
 * {@link #open} empties it once, and the collection refills it from its documents: mongo-java-server
 * adds every stored document to an index that reports itself empty when it opens it. That happens while
 * the store is being opened or inside one operation of the server, where no commit can come between
 * emptying and refilling ({@link QuiescentH2Backend}); a crash before the next commit leaves the map as it
 * was, and the next start empties it again. Which maps are in the new order is kept in a map of its own.
 */
final class OrderedUniqueIndex extends AbstractUniqueIndex<Object> {

    /** Names of the index maps kept in {@link IndexKeyType}'s order; no database name can start with "$". */
    static final String ORDERED_MAPS = "$gremium.unique-indexes-in-key-order";

    private final MVMap<KeyValue, Object> map;

    private OrderedUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    static OrderedUniqueIndex open(MVStore store, String mapName, String name, List<IndexKey> keys, boolean sparse) {
        MVMap<KeyValue, Object> map = store.openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
        MVMap<String, Boolean> ordered = store.openMap(ORDERED_MAPS);
        if (!ordered.containsKey(mapName)) {
            map.clear();
            ordered.put(mapName, Boolean.TRUE);
        }
        return new OrderedUniqueIndex(map, name, keys, sparse);
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return map.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return map.get(key);
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
