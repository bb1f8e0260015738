package de.gremium.query.oparl;

/** The content of a published file (the minutes, as text), by its path {@code file/<key>}; an {@code Optional<String>}. */
public record FetchOParlFileContent(String path) {
}
