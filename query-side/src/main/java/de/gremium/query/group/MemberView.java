package de.gremium.query.group;

import de.gremium.events.group.NotificationDelivery;
import de.gremium.events.group.NotificationKind;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member of the group, current or withdrawn, keyed by user id. The department is not stored: it is
 * the current department of the member's unit, read from {@link UnitView} when asked. {@code email} is the address
 * for notifications (absent if none); {@code notifications} holds only the kinds the member chose a delivery for, the
 * others are {@link NotificationDelivery#IMMEDIATELY} ({@link #deliveryOf}).
 */
@Document("member_directory_members")
public record MemberView(
        @Id String id,
        String name,
        String unit,
        MemberStatus status,
        Set<MemberRole> roles,
        String appointedBy,
        Instant appointedAt,
        Instant withdrawnAt,
        String withdrawalReason,
        String email,
        Map<NotificationKind, NotificationDelivery> notifications,
        long version) {

    /** How the member hears of this kind: as chosen, else immediately. */
    public NotificationDelivery deliveryOf(NotificationKind kind) {
        NotificationDelivery chosen = notifications == null ? null : notifications.get(kind);
        return chosen == null ? NotificationDelivery.IMMEDIATELY : chosen;
    }

    public enum MemberStatus {
        ACTIVE,
        WITHDRAWN
    }
}
