package de.gremium.events.monitoring;
/** Identity of an indicator: its code, e.g. {@code SPR-01}. */
public record IndicatorId(String value) {

    public IndicatorId {
        java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
