package de.gremium.events.recommendation;
/** The Lord Mayor's decision on a recommendation. */
public enum MayorsDecision {
    ACCEPTED("angenommen"),
    ACCEPTED_WITH_MODIFICATIONS("mit Änderungen angenommen"),
    REJECTED("abgelehnt"),
    DEFERRED("zurückgestellt");

    private final String germanLabel;

    MayorsDecision(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
