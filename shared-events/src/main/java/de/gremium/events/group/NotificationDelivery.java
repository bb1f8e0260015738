package de.gremium.events.group;

/** How a person wants to hear of one {@link NotificationKind}; {@link #IMMEDIATELY} until they choose. */
public enum NotificationDelivery {
    IMMEDIATELY("sofort"),
    WEEKLY_DIGEST("in der wöchentlichen Zusammenfassung"),
    NEVER("gar nicht");

    private final String germanLabel;

    NotificationDelivery(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
