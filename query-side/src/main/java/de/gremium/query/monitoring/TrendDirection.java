package de.gremium.query.monitoring;

/** How the total of an indicator moved from the second-to-last period to the last one. */
public enum TrendDirection {
    UP("steigend"),
    DOWN("fallend"),
    FLAT("gleichbleibend");

    private final String germanLabel;

    TrendDirection(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
