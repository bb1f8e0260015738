package de.gremium.intranet.signin;

import de.gremium.intranet.api.ApiAuthorization;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Who calls the APIs: the relayed Basic credential (form sign-in, embedded default) or the access token of the
 * person's OpenID Connect sign-in, refreshed by Spring Security's authorized-client manager when it expires.
 */
@Component
class ApiIdentity implements ApiAuthorization {

    private final ObjectProvider<OAuth2AuthorizedClientManager> clients;

    ApiIdentity(ObjectProvider<OAuth2AuthorizedClientManager> clients) {
        this.clients = clients;
    }

    @Override
    public String authorizationFor(Authentication authentication) {
        if (authentication.getDetails() instanceof RelayCredential relay) {
            return relay.authorization();
        }
        OAuth2AuthorizedClientManager manager = clients.getIfAvailable();
        if (authentication instanceof OAuth2AuthenticationToken oidc && manager != null) {
            try {
                OAuth2AuthorizedClient client = manager.authorize(OAuth2AuthorizeRequest
                        .withClientRegistrationId(oidc.getAuthorizedClientRegistrationId()).principal(oidc).build());
                return client == null ? null : "Bearer " + client.getAccessToken().getTokenValue();
            } catch (org.springframework.security.oauth2.core.OAuth2AuthorizationException expired) {
                // the refresh token has expired or was revoked: the call goes without, the API answers 401 and the
                // page sends the person to sign in again
                return null;
            }
        }
        return null;
    }
}
