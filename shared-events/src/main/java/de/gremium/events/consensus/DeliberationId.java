package de.gremium.events.consensus;
/** Identity of the group's deliberation of one draft recommendation on one agenda item. */
public record DeliberationId(String value) {

    public DeliberationId {
        java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
