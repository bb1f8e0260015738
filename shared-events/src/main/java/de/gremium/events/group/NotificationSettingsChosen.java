package de.gremium.events.group;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** A member chose how they hear of some kinds of notification; the kinds not named keep what they had. */
@Revision("1")
public record NotificationSettingsChosen(GroupId groupId, @PersonalData MemberId memberId,
        Map<NotificationKind, NotificationDelivery> deliveries, @PersonalData String chosenBy, Instant chosenAt)
        implements GroupEvent {

    public NotificationSettingsChosen {
        deliveries = deliveries == null ? Map.of() : Map.copyOf(deliveries);
    }

    @Override
    public String actor() {
        return chosenBy;
    }

    @Override
    public Instant occurredAt() {
        return chosenAt;
    }
}
