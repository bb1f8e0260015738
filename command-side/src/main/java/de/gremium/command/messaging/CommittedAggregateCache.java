package de.gremium.command.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's aggregate cache, told about a changed aggregate only once the transaction that stored its events has
 * committed.
 *
 * <p>Axon puts an aggregate into its cache when the unit of work that changed it commits, and evicts it when that
 * unit of work rolls back. A request with an {@code Idempotency-Key} runs in a transaction of its own around its
 * commands (the key and the events commit together, see {@code IdempotencyFilter}), so a unit of work can
 * "commit" inside a transaction that later rolls back: the cache would then hold state that was never stored,
 * and the aggregate's next event would leave a gap in its sequence. Here a put evicts the aggregate at once and
 * puts it back when the transaction it happens in commits (dropped if that transaction rolls back); a remove takes
 * effect at once. Outside a transaction everything goes straight to the cache.
 */
final class CommittedAggregateCache implements Cache {

    private final Cache cache;

    CommittedAggregateCache(Cache cache) {
        this.cache = cache;
    }

    @Override
    public <K, V> V get(K key) {
        return cache.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        Map<Object, Object> pending = pending();
        if (pending == null) {
            cache.put(key, value);
        } else {
            // until the commit, every load (this transaction's next one included) reads the aggregate's events,
            // which this transaction's connection sees with its own writes and every other one without them
            cache.remove(key);
            pending.put(key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (pending() == null) {
            return cache.putIfAbsent(key, value);
        }
        if (cache.containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public boolean remove(Object key) {
        Map<Object, Object> pending = pending();
        boolean wasPending = pending != null && pending.remove(key) != null;
        return cache.remove(key) || wasPending;
    }

    @Override
    public void removeAll() {
        Map<Object, Object> pending = pending();
        if (pending != null) {
            pending.clear();
        }
        cache.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return cache.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return cache.registerCacheEntryListener(cacheEntryListener);
    }

    /** This transaction's puts for this cache, registered to reach the cache after its commit; null outside one. */
    @SuppressWarnings("unchecked")
    private Map<Object, Object> pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Object resource = this;
        Map<Object, Object> pending = (Map<Object, Object>) TransactionSynchronizationManager.getResource(resource);
        if (pending == null) {
            Map<Object, Object> created = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(resource, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    created.forEach(cache::put);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(resource);
                }
            });
            pending = created;
        }
        return pending;
    }
}
