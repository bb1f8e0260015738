package de.gremium.command.notification;

import java.time.Instant;

/**
 * A letter as it stands in the {@link Outbox}, read to be sent or to go into a digest.
 *
 * @param id the outbox row's id
 * @param attempts how many attempts to send it failed so far
 * @param createdAt when it was added
 */
record ClaimedLetter(long id, String kind, String recipientId, String recipientName, String recipientAddress, String subject,
        String text, String html, String calendar, int attempts, Instant createdAt) {
}
