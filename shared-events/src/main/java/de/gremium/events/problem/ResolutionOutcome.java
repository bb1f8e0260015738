package de.gremium.events.problem;

/** How the coordinator closed a problem report. */
public enum ResolutionOutcome {
    SOLVED("gelöst"),
    REFERRED("an zuständige Stelle weitergeleitet"),
    NOT_ACTIONABLE("nicht umsetzbar"),
    DUPLICATE("Duplikat");

    private final String germanLabel;

    ResolutionOutcome(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
