package de.gremium.events.monitoring;
/** Identity of a measure: a project adopted after a recommendation. */
public record MeasureId(String value) {

    public MeasureId {
        java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
