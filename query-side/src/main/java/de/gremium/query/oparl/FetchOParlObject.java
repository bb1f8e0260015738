package de.gremium.query.oparl;

/**
 * One OParl object by its path ({@code system}, {@code meeting/<id>}); answered with an {@code Optional<OParlJson>}.
 *
 * @param base the absolute URL the interface's paths are appended to (the public base URL, e.g. {@code https://gremium.magdeburg.de})
 */
public record FetchOParlObject(String path, boolean omitInternal, String base) {
}
