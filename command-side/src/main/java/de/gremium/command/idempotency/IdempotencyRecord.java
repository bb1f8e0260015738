package de.gremium.command.idempotency;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the first request with an {@code Idempotency-Key} asked for and got.
 *
 * @param id          digest of user and key (keys are per user, so users cannot collide)
 * @param requestHash digest of method, path and body: the same key with another request is refused
 * @param completed   false while the first request runs (or if it died before answering)
 */
@Document("idempotency_keys")
public record IdempotencyRecord(
        @Id String id,
        String requestHash,
        boolean completed,
        int status,
        String location,
        String contentType,
        byte[] body,
        Instant createdAt) {

    static IdempotencyRecord pending(String id, String requestHash, Instant now) {
        return new IdempotencyRecord(id, requestHash, false, 0, null, null, null, now);
    }

    IdempotencyRecord completedWith(int status, String location, String contentType, byte[] body) {
        return new IdempotencyRecord(id, requestHash, true, status, location, contentType, body, createdAt);
    }
}
