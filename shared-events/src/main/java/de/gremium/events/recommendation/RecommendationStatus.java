package de.gremium.events.recommendation;
/** Where a recommendation stands. */
public enum RecommendationStatus {
    FORMULATED("beschlossen (Konsens)"),
    SUBMITTED("dem OB vorgelegt"),
    DECIDED("entschieden"),
    DEFERRED("zurückgestellt");

    private final String germanLabel;

    RecommendationStatus(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
