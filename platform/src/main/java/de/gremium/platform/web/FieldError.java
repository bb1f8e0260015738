package de.gremium.platform.web;

/** One offending field of a request (JSON path or parameter name) and why it was refused. */
public record FieldError(String field, String reason) {
}
