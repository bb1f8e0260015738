package de.gremium.command.notification;

import de.gremium.events.group.NotificationDelivery;

/**
 * One person a letter goes to: a member (by user id) or a guest of a meeting ({@link Outbox#GUEST_PREFIX} + guest id).
 *
 * @param guestOf the label of the meeting a guest is invited to, null for a member
 */
record Recipient(String id, String name, String address, NotificationDelivery delivery, String guestOf) {

    boolean guest() {
        return guestOf != null;
    }
}
