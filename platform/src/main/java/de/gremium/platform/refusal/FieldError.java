package de.gremium.platform.refusal;

/** One offending field of a request (JSON path, parameter or header name, CSV row) and why it was refused. */
public record FieldError(String field, String reason) {
}
