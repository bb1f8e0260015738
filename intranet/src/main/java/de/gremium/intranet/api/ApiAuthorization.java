package de.gremium.intranet.api;

import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Puts the signed-in person's identity on every call to the APIs: the relayed Basic credential on the embedded
 * default, the person's access token with OpenID Connect. Implemented by the sign-in package
 * ({@code de.gremium.intranet.signin.ApiIdentity}); a call without a signed-in person carries nothing and the API
 * answers 401.
 */
public interface ApiAuthorization extends ClientHttpRequestInterceptor {

    /** The {@code Authorization} header for this person, or {@code null}. */
    String authorizationFor(Authentication authentication);

    @Override
    default ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            String authorization = authorizationFor(authentication);
            if (authorization != null) {
                request.getHeaders().set(HttpHeaders.AUTHORIZATION, authorization);
            }
        }
        return execution.execute(request, body);
    }
}
