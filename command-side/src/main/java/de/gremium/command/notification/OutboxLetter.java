package de.gremium.command.notification;

import de.gremium.events.group.NotificationDelivery;
import java.util.Objects;

/**
 * One e-mail to one person, as the notification processor or a due timer puts it into the {@link Outbox}.
 *
 * @param dedupKey what makes it one of a kind: its cause (an event's identifier, or a timer's key), its kind and its
 *     recipient; a second letter with the same key is not added
 * @param kind a {@code NotificationKind} name (or {@link Outbox#DIGEST})
 * @param recipientId a member id, or {@link Outbox#GUEST_PREFIX} + a guest id
 * @param recipientName the name to address the person by
 * @param recipientAddress the e-mail address
 * @param delivery {@code IMMEDIATELY}, or {@code WEEKLY_DIGEST} (waits for the person's weekly digest); {@code NEVER}
 *     is never enqueued
 * @param subject German subject line
 * @param text German plain text
 * @param html the same as HTML (every value escaped)
 * @param calendar an iCalendar object (METHOD:REQUEST or METHOD:CANCEL) for invitations, else null
 * @param causeEventId the identifier of the causing event, null for a timer's letter
 */
public record OutboxLetter(String dedupKey, String kind, String recipientId, String recipientName, String recipientAddress,
        NotificationDelivery delivery, String subject, String text, String html, String calendar, String causeEventId) {

    public OutboxLetter {
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(recipientAddress, "recipientAddress");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        if (delivery == NotificationDelivery.NEVER) {
            throw new IllegalArgumentException("a letter nobody wants is not enqueued: " + dedupKey);
        }
    }
}
