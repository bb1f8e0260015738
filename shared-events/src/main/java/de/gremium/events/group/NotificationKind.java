package de.gremium.events.group;

/**
 * What a person can be told by e-mail; each person chooses a {@link NotificationDelivery} per kind (docs/notifications.md).
 * The German labels are what the intranet and the e-mails show.
 */
public enum NotificationKind {
    /** A scheduling poll was opened, and the reminder before its answers are due. */
    SCHEDULING_POLLS("Terminumfragen", "Eine Terminumfrage wurde eröffnet; Erinnerung, wenn Sie noch nicht geantwortet haben."),
    /** A meeting was scheduled, rescheduled or cancelled: an iCalendar invitation. */
    MEETING_INVITATIONS("Einladungen zu Sitzungen", "Termin festgelegt, verschoben oder abgesagt, als Kalendereinladung."),
    /** The agenda of a meeting, a configured time before it. */
    AGENDAS("Tagesordnungen", "Die Tagesordnung vor der Sitzung."),
    /** The minutes of a meeting one attended or was invited to. */
    MINUTES("Protokolle", "Das Protokoll, sobald es aufgenommen ist."),
    /** What happened to one's own problem reports. */
    MY_REPORTS("Meine Problemanzeigen", "Eingangsbestätigung, Lösungsvorschlag, Empfehlung dazu, Abschluss."),
    /** The Lord Mayor's decision on a recommendation of the group. */
    DECISIONS("Entscheidungen des Oberbürgermeisters", "Die Entscheidung zu einer Empfehlung der Projektgruppe."),
    /** The coordinator: a deferred recommendation reached its review date. */
    REVIEW_DATES("Wiedervorlagen", "Eine zurückgestellte Empfehlung erreicht ihren Wiedervorlagetermin (Koordination).");

    private final String germanLabel;
    private final String germanDescription;

    NotificationKind(String germanLabel, String germanDescription) {
        this.germanLabel = germanLabel;
        this.germanDescription = germanDescription;
    }

    public String germanLabel() {
        return germanLabel;
    }

    public String germanDescription() {
        return germanDescription;
    }
}
