package de.gremium.intranet.signin;

import de.gremium.intranet.api.Apis;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The person signed in, for the pages. After a form sign-in it is the sign-in's principal; after an OpenID Connect
 * sign-in the APIs are asked once ({@code GET /api/me}) and the answer kept in the session.
 */
@Component
public class SignedIn {

    static final String SESSION_KEY = "gremium.me";

    private final Apis apis;

    SignedIn(Apis apis) {
        this.apis = apis;
    }

    /** The signed-in person, or {@code null} on pages open to everyone (the sign-in page). */
    public SignedInUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        if (authentication.getPrincipal() instanceof SignedInUser user) {
            return user;
        }
        if (!(authentication instanceof org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken)) {
            return null;
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object kept = request == null ? null : request.getAttribute(SESSION_KEY, RequestAttributes.SCOPE_SESSION);
        if (kept instanceof SignedInUser user) {
            return user;
        }
        Map<String, Object> me = apis.view("/api/me");
        @SuppressWarnings("unchecked")
        SignedInUser user = new SignedInUser((String) me.get("userId"), (String) me.get("name"),
                (List<String>) me.get("roles"));
        if (request != null) {
            request.setAttribute(SESSION_KEY, user, RequestAttributes.SCOPE_SESSION);
        }
        return user;
    }

    /** Forgets the kept answer (sign-out). */
    static void forget(HttpSession session) {
        session.removeAttribute(SESSION_KEY);
    }
}
