package de.gremium.events.meeting;
/** Identity of an agenda item within a meeting. */
public record AgendaItemId(String value) {

    public AgendaItemId {
        java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
