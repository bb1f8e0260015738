package de.gremium.events.monitoring;
/** How often an indicator is observed. */
public enum Frequency {
    MONTHLY("monatlich"),
    QUARTERLY("vierteljährlich"),
    YEARLY("jährlich");

    private final String germanLabel;

    Frequency(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
