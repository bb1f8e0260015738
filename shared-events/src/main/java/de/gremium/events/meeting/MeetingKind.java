package de.gremium.events.meeting;
/** Regular (one per quarter, following the work plan) or a shorter extra meeting on demand. */
public enum MeetingKind {
    REGULAR("reguläre Sitzung"),
    EXTRA("Sondersitzung");

    private final String germanLabel;

    MeetingKind(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
