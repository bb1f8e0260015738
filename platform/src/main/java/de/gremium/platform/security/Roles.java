package de.gremium.platform.security;

/** The four roles of the group's rules of procedure, as Spring authorities carry them (without "ROLE_"). */
public final class Roles {

    /** Represents an organisational unit; submits reports and ideas, answers polls, objects. */
    public static final String MEMBER = "MEMBER";
    /** The coordinator for integration and migration: plans, schedules, acknowledges, records. */
    public static final String COORDINATOR = "COORDINATOR";
    /** The mayor's office: records the Lord Mayor's decisions on recommendations. */
    public static final String MAYOR_OFFICE = "MAYOR_OFFICE";
    /** Reads the views (intranet pages, advisory council). */
    public static final String READER = "READER";

    private Roles() {
    }
}
