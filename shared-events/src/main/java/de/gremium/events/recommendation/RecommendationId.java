package de.gremium.events.recommendation;
/** Identity of a recommendation to the Lord Mayor. */
public record RecommendationId(String value) {

    public RecommendationId {
        java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
