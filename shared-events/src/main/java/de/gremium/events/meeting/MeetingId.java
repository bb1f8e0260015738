package de.gremium.events.meeting;
/** Identity of a meeting. Regular meetings use {@code regular-YYYY-Qn}, so a second regular meeting in a quarter cannot exist. */
public record MeetingId(String value) {

    public MeetingId {
        java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
