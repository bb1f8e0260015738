package de.gremium.events.meeting;
/** Identity of a meeting. Regular meetings use {@code regular-YYYY-Qn}, so a second regular meeting in a quarter cannot exist. */
public record MeetingId(String value) {

    public MeetingId {
        java.util.Objects.requireNonNull(value, "value");
    }

    /**
     * The UID of this meeting's entry in calendars: the same in the iCalendar feed and in the e-mailed invitations,
     * so that calendar programs update one entry instead of adding a second one.
     */
    public String calendarUid() {
        return value + CALENDAR_UID_DOMAIN;
    }

    /** What follows the meeting's id in its calendar UID. */
    public static final String CALENDAR_UID_DOMAIN = "@gremium.magdeburg.de";

    @Override
    public String toString() {
        return value;
    }
}
