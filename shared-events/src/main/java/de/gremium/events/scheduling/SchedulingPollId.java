package de.gremium.events.scheduling;
/** Identity of a scheduling poll. */
public record SchedulingPollId(String value) {

    public SchedulingPollId {
        java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
