package de.gremium.events.monitoring;
/** Kind of figure, as municipal monitorings (KGSt, Länder monitoring) classify them. */
public enum FigureType {
    BASIC_COUNT("Grundzahl"),
    STRUCTURAL_FIGURE("Strukturzahl"),
    KEY_FIGURE("Kennzahl");

    private final String germanLabel;

    FigureType(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
