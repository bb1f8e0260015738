package de.gremium.events.monitoring;
/** Whether a measure wants its indicator to rise or fall. */
public enum Direction {
    INCREASE("steigen"),
    DECREASE("sinken");

    private final String germanLabel;

    Direction(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
