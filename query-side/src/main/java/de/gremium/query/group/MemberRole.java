package de.gremium.query.group;

/** The two seats the rules of procedure name; at most one member holds each. */
public enum MemberRole {
    COORDINATOR("Koordinator für Integration und Zuwanderung"),
    MAYORS_OFFICE_SEAT("Vertretung des Bereichs OB");

    private final String germanLabel;

    MemberRole(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
