package de.gremium.events.meeting;
/** Identity of an invited external expert within a meeting. */
public record GuestId(String value) {

    public GuestId {
        java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
