package de.gremium.platform.security;

import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Accepts only access tokens meant for Gremium: the configured client is in the audience ({@code aud}), and the client
 * that obtained the token ({@code azp}, when present) is one of the authorized parties. A token the same realm issued
 * to another application is refused (401), however valid its signature. An ID token is refused too, although its
 * audience is the client: Keycloak marks it with the claim {@code typ: ID}, and a JOSE header {@code typ}, when present,
 * must say {@code JWT} or {@code at+jwt} (RFC 9068; not e.g. {@code id_token+jwt} or {@code logout+jwt}).
 */
public class ClientAudience implements OAuth2TokenValidator<Jwt> {

    private final JwtSettings settings;

    public ClientAudience(JwtSettings settings) {
        this.settings = settings;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Object headerType = token.getHeaders().get("typ");
        if (headerType != null && !"JWT".equalsIgnoreCase(headerType.toString())
                && !"at+jwt".equalsIgnoreCase(headerType.toString())) {
            return refused("The token is no access token: its header's typ is neither JWT nor at+jwt.");
        }
        if ("ID".equalsIgnoreCase(token.getClaimAsString("typ"))) {
            return refused("An ID token is no access token: send the access token.");
        }
        List<String> audience = token.getAudience();
        if (audience == null || !audience.contains(settings.clientId())) {
            return refused("The access token is not meant for Gremium: its audience (aud) does not name the client '"
                    + settings.clientId() + "'.");
        }
        String authorizedParty = token.getClaimAsString("azp");
        if (authorizedParty != null && !settings.authorizedParties().contains(authorizedParty)) {
            return refused("The access token was issued to a client (azp) that may not call Gremium.");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult refused(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
