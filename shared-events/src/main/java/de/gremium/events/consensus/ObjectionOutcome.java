package de.gremium.events.consensus;
/** How an objection ended. */
public enum ObjectionOutcome {
    RESOLVED_BY_AMENDMENT("durch Änderung ausgeräumt"),
    WITHDRAWN("zurückgezogen");

    private final String germanLabel;

    ObjectionOutcome(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
