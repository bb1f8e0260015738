package de.gremium.events.idea;
/** Where a project idea stands on its way towards a recommendation. */
public enum ProjectIdeaStatus {
    PROPOSED("vorgeschlagen"),
    ON_AGENDA("auf der Tagesordnung"),
    DISCUSSED("beraten"),
    RECOMMENDED("empfohlen"),
    SHELVED("zurückgestellt"),
    WITHDRAWN("zurückgezogen");

    private final String germanLabel;

    ProjectIdeaStatus(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
