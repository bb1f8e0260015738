package de.gremium.command.calendar;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Resolves a URI reference against a base URI as RFC 3986, section 5.2, says. {@link URI#resolve} follows
 * RFC 2396 instead, which reads a reference of only a query ({@code "?page=2"}, as OParl servers give in
 * {@code links.next}) against the base's directory rather than its path, and keeps {@code ".."} segments
 * that climb above the root; both are defects for a client following links.
 */
final class UriReferences {

    private UriReferences() {
    }

    /**
     * The target URI of {@code reference} read against {@code base} (an absolute URI).
     *
     * @throws URISyntaxException when the reference, or the target, is no URI
     */
    static URI resolve(URI base, String reference) throws URISyntaxException {
        URI r = new URI(reference);
        if (r.isOpaque()) {
            return r; // "mailto:x", "http:g": a scheme and no hierarchical part, taken as it stands (strict parser)
        }
        String scheme;
        String authority;
        String path;
        String query;
        if (r.getScheme() != null) {
            scheme = r.getScheme();
            authority = r.getRawAuthority();
            path = removeDotSegments(r.getRawPath());
            query = r.getRawQuery();
        } else {
            if (r.getRawAuthority() != null) {
                authority = r.getRawAuthority();
                path = removeDotSegments(r.getRawPath());
                query = r.getRawQuery();
            } else {
                String referencePath = r.getRawPath() == null ? "" : r.getRawPath();
                if (referencePath.isEmpty()) {
                    path = base.getRawPath() == null ? "" : base.getRawPath();
                    query = r.getRawQuery() != null ? r.getRawQuery() : base.getRawQuery();
                } else {
                    path = removeDotSegments(referencePath.startsWith("/") ? referencePath : merge(base, referencePath));
                    query = r.getRawQuery();
                }
                authority = base.getRawAuthority();
            }
            scheme = base.getScheme();
        }
        StringBuilder target = new StringBuilder(scheme).append(':');
        if (authority != null) {
            target.append("//").append(authority);
        }
        target.append(path);
        if (query != null) {
            target.append('?').append(query);
        }
        if (r.getRawFragment() != null) {
            target.append('#').append(r.getRawFragment());
        }
        return new URI(target.toString());
    }

    /** Section 5.2.3: the reference's path in the base's directory. */
    private static String merge(URI base, String referencePath) {
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        if (base.getRawAuthority() != null && basePath.isEmpty()) {
            return "/" + referencePath;
        }
        return basePath.substring(0, basePath.lastIndexOf('/') + 1) + referencePath;
    }

    /** Section 5.2.4: "." and ".." segments interpreted and removed, never climbing above the root. */
    static String removeDotSegments(String path) {
        String input = path == null ? "" : path;
        StringBuilder output = new StringBuilder();
        while (!input.isEmpty()) {
            if (input.startsWith("../")) {
                input = input.substring(3);
            } else if (input.startsWith("./")) {
                input = input.substring(2);
            } else if (input.startsWith("/./")) {
                input = input.substring(2);
            } else if (input.equals("/.")) {
                input = "/";
            } else if (input.startsWith("/../")) {
                input = input.substring(3);
                removeLastSegment(output);
            } else if (input.equals("/..")) {
                input = "/";
                removeLastSegment(output);
            } else if (input.equals(".") || input.equals("..")) {
                input = "";
            } else {
                int next = input.indexOf('/', input.startsWith("/") ? 1 : 0);
                int end = next < 0 ? input.length() : next;
                output.append(input, 0, end);
                input = input.substring(end);
            }
        }
        return output.toString();
    }

    private static void removeLastSegment(StringBuilder output) {
        output.setLength(Math.max(output.lastIndexOf("/"), 0));
    }
}
