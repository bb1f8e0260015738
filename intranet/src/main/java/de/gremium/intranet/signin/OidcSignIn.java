package de.gremium.intranet.signin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

/**
 * Production sign-in: OpenID Connect (authorization code) against the city's Keycloak realm, client
 * {@code gremium.intranet.oidc.client-id} (confidential; secret from the environment). The realm is the one whose
 * tokens the APIs accept ({@code GREMIUM_JWT_ISSUER_URI}); the access token travels with each API call and is
 * refreshed with the refresh token.
 */
@Configuration(proxyBeanMethods = false)
// set and not blank (intranet.properties maps an unset GREMIUM_OIDC_ISSUER_URI to an empty value)
@ConditionalOnExpression("!'${gremium.intranet.oidc.issuer-uri:}'.isBlank()")
class OidcSignIn {

    static final String REGISTRATION = "keycloak";

    @Bean
    ClientRegistrationRepository clientRegistrations(@Value("${gremium.intranet.oidc.issuer-uri}") String issuer,
            @Value("${gremium.intranet.oidc.client-id:gremium-intranet}") String clientId,
            @Value("${gremium.intranet.oidc.client-secret}") String clientSecret) {
        ClientRegistration keycloak = ClientRegistrations.fromIssuerLocation(issuer).registrationId(REGISTRATION)
                .clientId(clientId).clientSecret(clientSecret).scope("openid", "profile")
                .clientName("Anmeldung der Stadt").build();
        return new InMemoryClientRegistrationRepository(keycloak);
    }

    @Bean
    OAuth2AuthorizedClientManager authorizedClients(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository clients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }
}
