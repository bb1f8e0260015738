package de.gremium.events.consensus;
/** Identity of one objection within a deliberation. */
public record ObjectionId(String value) {

    public ObjectionId {
        java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
