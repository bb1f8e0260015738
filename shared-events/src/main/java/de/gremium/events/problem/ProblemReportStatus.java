package de.gremium.events.problem;

/** Where a problem report stands; later issues add ADDRESSED (answered by a recommendation). */
public enum ProblemReportStatus {
    SUBMITTED("eingereicht"),
    ACKNOWLEDGED("angenommen"),
    CLOSED("abgeschlossen");

    private final String germanLabel;

    ProblemReportStatus(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
