package de.gremium.platform.web;

import java.net.URI;

/** Stable problem type URIs (RFC 7807 "type"), documented in docs/api-errors.md. */
public final class ProblemTypes {

    public static final URI VALIDATION = type("validation-failed");
    public static final URI MALFORMED = type("malformed-request");
    public static final URI NOT_FOUND = type("not-found");
    public static final URI FORBIDDEN = type("forbidden");
    public static final URI UNAUTHENTICATED = type("unauthenticated");
    /** Too many failed sign-ins for the account or from the address: 429 with {@code Retry-After}. */
    public static final URI TOO_MANY_SIGN_IN_FAILURES = type("too-many-sign-in-failures");
    public static final URI CONFLICT = type("conflict");
    public static final URI RULE_VIOLATION = type("rule-violation");
    public static final URI TOO_LARGE = type("payload-too-large");
    /** The request body did not arrive within the time allowed: 408. */
    public static final URI REQUEST_TIMEOUT = type("request-timeout");
    /** The request came from a web page of another origin: 403. */
    public static final URI FOREIGN_ORIGIN = type("foreign-origin");
    public static final URI IDEMPOTENCY_MISMATCH = type("idempotency-key-reused");
    public static final URI UNSUPPORTED_MEDIA_TYPE = type("unsupported-media-type");
    /** The resource comes in no format the Accept header (or {@code format}) asks for: 406. */
    public static final URI NOT_ACCEPTABLE = type("not-acceptable");
    public static final URI METHOD_NOT_ALLOWED = type("method-not-allowed");
    public static final URI STORE_UNAVAILABLE = type("store-unavailable");
    /** An import's source (OParl, iCalendar) could not be read: 502. */
    public static final URI CALENDAR_SOURCE_FAILED = type("calendar-source-failed");
    public static final URI INTERNAL = type("internal-error");

    private ProblemTypes() {
    }

    private static URI type(String slug) {
        return URI.create("urn:gremium:problem:" + slug);
    }
}
