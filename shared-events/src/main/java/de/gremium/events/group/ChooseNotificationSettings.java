package de.gremium.events.group;

import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A member chooses how they hear of each kind of notification (the member themself or the coordinator); kinds not
 * named keep their delivery.
 */
public record ChooseNotificationSettings(@TargetAggregateIdentifier GroupId groupId, MemberId memberId,
        Map<NotificationKind, NotificationDelivery> deliveries, String chosenBy, Instant chosenAt) {

    public ChooseNotificationSettings {
        deliveries = deliveries == null ? Map.of() : Map.copyOf(deliveries);
    }
}
