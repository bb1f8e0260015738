package de.gremium.intranet.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a person typed into a form whose session had expired: kept in the new session, put back into the same
 * form after the sign-in, never sent on its own (the person looks and sends again, with a fresh token). Passwords,
 * the CSRF token and the idempotency key are never kept.
 */
public final class ParkedForm {

    static final String SESSION_KEY = "gremium.parked-form";
    private static final Set<String> NEVER = Set.of("_csrf", "passwort", "password", "idempotencyKey");
    private static final int MAX_VALUE = 20_000;

    private ParkedForm() {
    }

    record Parked(String path, Map<String, List<String>> fields) implements Serializable {
    }

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

    /** After signing in: back to the form whose fields were parked, else where the person wanted to go, else home. */
    static org.springframework.security.web.authentication.AuthenticationSuccessHandler backToTheForm() {
        org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler saved =
                new org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler();
        saved.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(SESSION_KEY) instanceof Parked parked) {
                response.sendRedirect(request.getContextPath() + parked.path());
            } else {
                saved.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    static void park(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
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
            request.getSession(true).setAttribute(SESSION_KEY,
                    new Parked(request.getRequestURI().substring(request.getContextPath().length()), fields));
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
