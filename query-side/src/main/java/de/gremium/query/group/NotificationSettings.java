package de.gremium.query.group;

import de.gremium.events.group.NotificationDelivery;
import de.gremium.events.group.NotificationKind;
import de.gremium.query.group.MemberView.MemberStatus;
import java.util.Arrays;
import java.util.List;

/**
 * How one member hears of what happens: their address for notifications (absent if none) and, for every
 * {@link NotificationKind} in its order, the delivery they chose ({@link NotificationDelivery#IMMEDIATELY} for a kind
 * never chosen), with the German labels a page shows; {@code deliveries} are the choices, in their order.
 */
public record NotificationSettings(String memberId, String name, String email, List<Setting> settings,
        List<DeliveryChoice> deliveries, boolean withdrawn) {

    /** The choices every kind offers. */
    static final List<DeliveryChoice> CHOICES = Arrays.stream(NotificationDelivery.values())
            .map(delivery -> new DeliveryChoice(delivery, delivery.germanLabel())).toList();

    /** One kind and how the member hears of it. */
    public record Setting(NotificationKind kind, String label, String description, NotificationDelivery delivery,
            String deliveryLabel) {
    }

    /** One delivery a member can choose. */
    public record DeliveryChoice(NotificationDelivery value, String label) {
    }

    static NotificationSettings of(MemberView member) {
        List<Setting> settings = Arrays.stream(NotificationKind.values()).map(kind -> {
            NotificationDelivery delivery = member.deliveryOf(kind);
            return new Setting(kind, kind.germanLabel(), kind.germanDescription(), delivery, delivery.germanLabel());
        }).toList();
        return new NotificationSettings(member.id(), member.name(), member.email(), settings, CHOICES,
                member.status() == MemberStatus.WITHDRAWN);
    }
}
