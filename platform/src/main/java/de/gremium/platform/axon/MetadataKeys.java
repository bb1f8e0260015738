package de.gremium.platform.axon;

/** The metadata every message carries, so that later views can trace and audit who caused what. */
public final class MetadataKeys {

    /** Id of the authenticated user who sent the command (or whose command caused the event). */
    public static final String USER_ID = "userId";
    /** Shared by every message that one request set in motion; always the server's own id. */
    public static final String CORRELATION_ID = "correlationId";
    /** The caller's own reference for the request ({@code X-Correlation-Id} as sent); never the server's id. */
    public static final String CLIENT_CORRELATION_ID = "clientCorrelationId";
    /** Id of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";

    private MetadataKeys() {
    }
}
