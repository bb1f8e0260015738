package de.gremium.intranet.signin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sign-in on the embedded default: the typed name and password are checked by the APIs themselves
 * ({@code GET /api/me} with HTTP Basic), so the intranet knows no users file and shows exactly the roles the APIs
 * enforce. The credential stays in the session ({@link RelayCredential}) for the calls that follow. The browser's address
 * goes along ({@code X-Forwarded-For}), so that the APIs count failed sign-ins per person's address rather than
 * the intranet's; too many failures are answered 429 there ({@link ThrottledException}).
 */
public class ApiAuthenticationProvider implements AuthenticationProvider {

    private final RestClient queryApi;

    public ApiAuthenticationProvider(RestClient queryApi) {
        this.queryApi = queryApi;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        Object password = authentication.getCredentials();
        if (name == null || name.isBlank() || password == null || password.toString().isEmpty()) {
            throw new BadCredentialsException("empty");
        }
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        Me me;
        try {
            me = queryApi.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, basic)
                    .headers(h -> {
                        if (authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null) {
                            h.set("X-Forwarded-For", web.getRemoteAddress());
                        }
                    })
                    .accept(MediaType.APPLICATION_JSON).retrieve()
                    .onStatus(status -> status.value() == 401, (request, response) -> {
                        throw new BadCredentialsException("refused by the API");
                    })
                    .onStatus(status -> status.value() == 429, (request, response) -> {
                        throw new ThrottledException();
                    })
                    .onStatus(status -> status.value() == 403, (request, response) -> {
                        throw new NoRoleException();
                    })
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        throw new AuthenticationServiceException("the API answered " + response.getStatusCode().value());
                    })
                    .body(Me.class);
        } catch (RestClientException e) {
            throw new AuthenticationServiceException("the API cannot be reached", e);
        }
        if (me == null || me.userId() == null) {
            throw new AuthenticationServiceException("the API answered no user");
        }
        SignedInUser user = new SignedInUser(me.userId(), me.name(), me.roles());
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
        signedIn.setDetails(new RelayCredential(basic));
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The password is right, but the person holds no role of Gremium (the APIs answer 403). */
    static final class NoRoleException extends AuthenticationException {
        NoRoleException() {
            super("no role in Gremium");
        }
    }

    /** Too many failed sign-ins for this name or from this address: the APIs refuse for a while (429). */
    static final class ThrottledException extends AuthenticationException {
        ThrottledException() {
            super("too many failed sign-ins");
        }
    }

    /** The answer of {@code GET /api/me}. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record Me(String userId, String name, List<String> roles) {
    }
}
