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
 * to another application is refused (401), however valid its signature.
 */
public class ClientAudience implements OAuth2TokenValidator<Jwt> {

    private final JwtSettings settings;

    public ClientAudience(JwtSettings settings) {
        this.settings = settings;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
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
