package de.gremium.intranet.api;

/** The two APIs the intranet talks to. */
public enum Side {
    /** Commands: {@code gremium.intranet.command-api}. */
    COMMAND,
    /** Views: {@code gremium.intranet.query-api}. */
    QUERY
}
