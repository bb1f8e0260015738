package de.gremium.platform.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * A refusal that carries its own HTTP meaning, from before the one refusal model: throw a
 * {@link de.gremium.platform.refusal.Refusal} instead, whose kind decides the status. Only the query side's trace
 * still throws this (ArchUnit keeps it there) until it moves to {@code Refusal}.
 */
@Deprecated
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final URI type;
    private final String title;
    private final String field;

    public ApiException(HttpStatus status, URI type, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", what + " does not exist.", null);
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The offending field, or null when the refusal is about the resource as a whole. */
    public String field() {
        return field;
    }
}
