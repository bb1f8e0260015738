package de.gremium.query.notification;

/** Where an e-mail of the outbox stands (the {@code status} of {@code notification_outbox}), with its German label. */
public enum OutboxStatus {
    PENDING("wartet"),
    SENDING("wird gesendet"),
    SENT("gesendet"),
    FAILED("fehlgeschlagen"),
    HELD("nicht versandt (kein SMTP-Server)"),
    DIGESTED("in Zusammenfassung");

    private final String germanLabel;

    OutboxStatus(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }

    /** The label of a stored status; a status this version does not know reads as itself. */
    static String labelOf(String status) {
        for (OutboxStatus known : values()) {
            if (known.name().equals(status)) {
                return known.germanLabel;
            }
        }
        return status;
    }
}
