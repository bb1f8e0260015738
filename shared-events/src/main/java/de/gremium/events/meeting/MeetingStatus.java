package de.gremium.events.meeting;
/** Where a meeting stands. */
public enum MeetingStatus {
    PLANNED("geplant"),
    SCHEDULED("terminiert"),
    HELD("durchgeführt"),
    CANCELLED("abgesagt");

    private final String germanLabel;

    MeetingStatus(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
