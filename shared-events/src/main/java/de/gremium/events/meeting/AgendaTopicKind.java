package de.gremium.events.meeting;
/** What an agenda item is about. */
public enum AgendaTopicKind {
    PROJECT_IDEA("Projektidee"),
    PROBLEM_REPORT("Problemmeldung"),
    FREE("freies Thema");

    private final String germanLabel;

    AgendaTopicKind(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
