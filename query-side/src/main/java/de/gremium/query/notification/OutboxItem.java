package de.gremium.query.notification;

import java.time.Instant;

/**
 * One e-mail of the outbox as a row of the list: whom it is for, what it is, and where it stands. {@code kind} is a
 * {@code NotificationKind} or {@code DIGEST}; {@code recipientId} a member's user id or {@code guest:<guestId>};
 * {@code invitation}: it carries an iCalendar invitation (a meeting's invitation or cancellation, also once sent and its
 * bodies dropped).
 */
public record OutboxItem(long id, String kind, String kindLabel, String recipientId, String recipientName,
        String recipientAddress, String delivery, String subject, String status, String statusLabel, int attempts,
        Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt, boolean invitation) {
}
