package de.gremium.events.network;
/** The three working groups of the Netzwerk für Integrations- und Ausländerarbeit. */
public enum NetworkWorkingGroup {
    LANGUAGE("AG Sprache"),
    INTERCULTURE_SOCIAL("AG Interkultur und Soziales"),
    WORK_TRAINING("AG Arbeit und Ausbildung");

    private final String germanLabel;

    NetworkWorkingGroup(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
