package de.gremium.query.audit;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One stored event as the audit log shows it: who caused it (metadata), what it said (the payload as
 * a JSON object, so that it can be filtered and exported), and its {@code position}, the global order
 * in which the audit processor saw it, which is also its place in the hash chain.
 *
 * <p>The indexes serve the three ways the log is read (an aggregate's history, a person's history,
 * a time range); the embedded server ignores them and scans.
 */
@Document(AuditEntry.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "aggregate", def = "{'aggregateId': 1, 'sequenceNumber': 1}"),
        @CompoundIndex(name = "person", def = "{'userId': 1, 'timestamp': 1}")
})
public record AuditEntry(
        @Indexed(name = "position", unique = true) long position,
        @Id String eventId,
        String eventType,
        String eventTypeFullName,
        String aggregateType,
        String aggregateId,
        long sequenceNumber,
        @Indexed(name = "timestamp") Instant timestamp,
        String userId,
        String correlationId,
        String causationId,
        Map<String, Object> payload) {

    public static final String COLLECTION = "audit_log";
}
