package de.gremium.events.calendar;
/** Identity of the blocked calendar (one for the group). */
public record BlockedCalendarId(String value) {

    public BlockedCalendarId {
        java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
