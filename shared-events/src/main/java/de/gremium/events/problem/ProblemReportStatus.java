package de.gremium.events.problem;

/** Where a problem report stands. */
public enum ProblemReportStatus {
    SUBMITTED("eingereicht"),
    ACKNOWLEDGED("angenommen"),
    /** A recommendation to the Lord Mayor addresses the report (it stays open until closed). */
    ADDRESSED("durch Empfehlung aufgegriffen"),
    CLOSED("abgeschlossen");

    private final String germanLabel;

    ProblemReportStatus(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
