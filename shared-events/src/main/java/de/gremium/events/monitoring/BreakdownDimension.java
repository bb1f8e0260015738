package de.gremium.events.monitoring;
/** Dimensions by which observations are broken down. */
public enum BreakdownDimension {
    SEX("Geschlecht"),
    AGE_GROUP("Altersgruppe"),
    MIGRATION_STATUS("Migrationsstatus"),
    CITY_DISTRICT("Stadtteil");

    private final String germanLabel;

    BreakdownDimension(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
