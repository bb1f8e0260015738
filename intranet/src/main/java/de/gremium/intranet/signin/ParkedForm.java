package de.gremium.intranet.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a person typed into a form whose session had expired: kept in the new session; after the sign-in the browser
 * goes back to the page the form was on (its same-origin {@code Referer}), and a form page that knows its parked
 * fields ({@link #take}) puts them back. Never sent on its own (the person looks and sends again, with a fresh
 * token). Passwords, the CSRF token and the idempotency key are never kept; the sign-in form itself is never parked.
 */
public final class ParkedForm {

    static final String SESSION_KEY = "gremium.parked-form";
    private static final Set<String> NEVER = Set.of("_csrf", "passwort", "password", "idempotencyKey");
    private static final int MAX_VALUE = 20_000;

    private ParkedForm() {
    }

    /** The path the form posted to, the page it was on ({@code null} if unknown) and its fields. */
    record Parked(String path, String page, Map<String, List<String>> fields) implements Serializable {
    }

    private static final Set<String> NOT_PARKED = Set.of("/anmelden", "/abmelden");

    /**
     * The session has expired (or a form's token is stale): park a posted form's fields in a new session and send the
     * browser to the sign-in page, which says why.
     */
    static void parkAndSignInAgain(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        park(request);
        request.getSession(true);
        response.sendRedirect(request.getContextPath() + "/anmelden?abgelaufen");
    }

    /** After signing in: back to the page of the form whose fields were parked, else where the person wanted to go, else home. */
    static org.springframework.security.web.authentication.AuthenticationSuccessHandler backToTheForm() {
        org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler saved =
                new org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler();
        saved.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(SESSION_KEY) instanceof Parked parked && parked.page() != null) {
                response.sendRedirect(request.getContextPath() + parked.page());
            } else {
                saved.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    static void park(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"POST".equals(request.getMethod()) || NOT_PARKED.contains(path)) {
            return;
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!NEVER.contains(name)) {
                fields.put(name, java.util.Arrays.stream(values)
                        .map(v -> v.length() > MAX_VALUE ? v.substring(0, MAX_VALUE) : v).toList());
            }
        });
        if (!fields.isEmpty()) {
            request.getSession(true).setAttribute(SESSION_KEY, new Parked(path, pageOf(request), fields));
        }
    }

    /**
     * The page the form was on: the path and query of a {@code Referer} of this very origin, or {@code null}
     * (another origin, no header, or a path that a browser would read as another host).
     */
    static String pageOf(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            java.net.URI uri = new java.net.URI(referer);
            int port = uri.getPort() < 0 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort();
            String path = uri.getRawPath();
            if (!request.getScheme().equals(uri.getScheme()) || !request.getServerName().equalsIgnoreCase(uri.getHost())
                    || request.getServerPort() != port || path == null || !path.startsWith(request.getContextPath() + "/")) {
                return null;
            }
            String page = path.substring(request.getContextPath().length());
            if (page.startsWith("//") || page.contains("\\") || NOT_PARKED.contains(page)) {
                return null;
            }
            return uri.getRawQuery() == null ? page : page + "?" + uri.getRawQuery();
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /**
     * The fields parked for the form that posts to {@code path}, removed from the session; empty if there are none.
     * The form's page calls this when it renders the form, and fills the form with them.
     */
    public static Map<String, List<String>> take(HttpServletRequest request, String path) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_KEY) instanceof Parked parked) || !parked.path().equals(path)) {
            return Map.of();
        }
        session.removeAttribute(SESSION_KEY);
        return parked.fields();
    }

    /** The single value of a parked field, or {@code null}. */
    public static String first(Map<String, List<String>> parked, String field) {
        List<String> values = parked.get(field);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
