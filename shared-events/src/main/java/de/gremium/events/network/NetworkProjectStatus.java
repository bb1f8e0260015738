package de.gremium.events.network;
/** Where a network project stands. */
public enum NetworkProjectStatus {
    PLANNED("geplant"),
    RUNNING("laufend"),
    COMPLETED("abgeschlossen"),
    DROPPED("eingestellt");

    private final String germanLabel;

    NetworkProjectStatus(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
