package de.gremium.command.idempotency;

import java.time.Instant;

/**
 * What the first request with an {@code Idempotency-Key} asked for and got (table {@code idempotency_record}).
 * A record exists only for a request that succeeded: it is written in the transaction of that request's events.
 *
 * @param id          digest of user and key (keys are per user, so users cannot collide)
 * @param requestHash digest of method, path, query and body: the same key with another request is refused
 */
record IdempotencyRecord(String id, String requestHash, int status, String location, String contentType, byte[] body,
        Instant createdAt) {
}
