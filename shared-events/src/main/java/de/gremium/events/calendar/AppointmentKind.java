package de.gremium.events.calendar;
/** What kind of appointment blocks a slot. */
public enum AppointmentKind {
    COUNCIL("Stadtratssitzung"),
    COMMITTEE("Ausschusssitzung"),
    SERVICE_MEETING("Dienstberatung"),
    OTHER("sonstiger Termin");

    private final String germanLabel;

    AppointmentKind(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
