package de.gremium.query.audit;

import java.time.Instant;
import java.util.Set;

/**
 * Which audit entries a query is about; every part is optional and they combine.
 *
 * @param aggregateId  one aggregate's history
 * @param userId       what one person did (the {@code userId} of the events' metadata)
 * @param from         events at or after this instant
 * @param to           events before this instant
 * @param eventTypes   events of these simple type names; empty means all
 * @param upToPosition no entry beyond this position (a snapshot for an export that runs while new
 *                     events arrive), or null
 */
public record AuditFilter(String aggregateId, String userId, Instant from, Instant to, Set<String> eventTypes,
        Long upToPosition) {

    public AuditFilter {
        eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
    }

    public AuditFilter upTo(long position) {
        return new AuditFilter(aggregateId, userId, from, to, eventTypes, position);
    }
}
