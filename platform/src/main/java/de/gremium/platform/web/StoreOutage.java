package de.gremium.platform.web;

/**
 * Tells whether a failure means that a store cannot be reached right now (answered 503 with Retry-After) rather
 * than a defect (500). The platform knows the record's (PostgreSQL through JDBC); a side that uses another store
 * contributes a bean for it.
 */
@FunctionalInterface
public interface StoreOutage {

    /** True when {@code failure} itself (not its causes, which are asked one by one) says a store is away. */
    boolean isOutage(Throwable failure);
}
