package de.gremium.events.monitoring;
/** What the monitoring says about a measure. */
public enum MeasureVerdict {
    NOT_MEASURABLE_YET("noch nicht messbar"),
    ON_TRACK("auf Kurs"),
    ACHIEVED("erreicht"),
    MISSED("verfehlt");

    private final String germanLabel;

    MeasureVerdict(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
