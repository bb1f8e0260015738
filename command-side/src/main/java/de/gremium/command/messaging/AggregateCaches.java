package de.gremium.command.messaging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.common.caching.Cache;

/**
 * The aggregate caches of this process (one per aggregate type). An erasure empties them all: a cached aggregate
 * holds what it read before the key was deleted, in plaintext, until it is read again from the record.
 */
public final class AggregateCaches {

    private final List<Cache> caches = new CopyOnWriteArrayList<>();

    Cache add(Cache cache) {
        caches.add(cache);
        return cache;
    }

    public void evictAll() {
        caches.forEach(Cache::removeAll);
    }
}
