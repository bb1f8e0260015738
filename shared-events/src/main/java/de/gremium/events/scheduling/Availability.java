package de.gremium.events.scheduling;
/** A member's answer to a candidate slot. */
public enum Availability {
    YES("ja"),
    IF_NEED_BE("wenn nötig"),
    NO("nein");

    private final String germanLabel;

    Availability(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
