package de.gremium.intranet.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.gremium.intranet.StubApi;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Production sign-in against a stand-in OpenID provider (its discovery document only). */
@SpringBootTest(properties = {"spring.config.name=intranet", "gremium.intranet.oidc.client-secret=geheim"})
@AutoConfigureMockMvc
class OidcSignInTest {

    static final StubApi PROVIDER = new StubApi();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        String issuer = PROVIDER.url() + "/realms/gremium";
        PROVIDER.on("GET", "/realms/gremium/.well-known/openid-configuration", 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                 "token_endpoint":"%1$s/protocol/openid-connect/token","jwks_uri":"%1$s/protocol/openid-connect/certs",
                 "userinfo_endpoint":"%1$s/protocol/openid-connect/userinfo",
                 "end_session_endpoint":"%1$s/protocol/openid-connect/logout",
                 "response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer));
        registry.add("gremium.intranet.oidc.issuer-uri", () -> issuer);
        registry.add("gremium.intranet.command-api", PROVIDER::url);
        registry.add("gremium.intranet.query-api", PROVIDER::url);
    }

    @AfterAll
    static void stop() {
        PROVIDER.close();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @Test
    void the_sign_in_page_offers_the_city_sign_in_and_no_password_field() throws Exception {
        String page = mvc.perform(get("/anmelden")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("/oauth2/authorization/keycloak", "Mit dem Konto der Stadt anmelden")
                .doesNotContain("type=\"password\"");
    }

    @Test
    void signing_in_starts_the_authorization_code_flow_at_the_realm_for_the_intranet_client() throws Exception {
        String location = mvc.perform(get("/oauth2/authorization/keycloak")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith(PROVIDER.url() + "/realms/gremium/protocol/openid-connect/auth?")
                .contains("response_type=code", "client_id=gremium-intranet", "scope=openid%20profile", "state=");
    }

    @Test
    void a_person_who_is_not_signed_in_is_sent_to_the_sign_in_page() throws Exception {
        mvc.perform(get("/probleme")).andExpect(redirectedUrl("/anmelden"));
    }

    @Test
    void the_apis_get_the_persons_access_token_as_bearer() {
        OAuth2AuthorizedClientManager manager = request -> new OAuth2AuthorizedClient(
                registrations.findByRegistrationId("keycloak"), "anna.amt50",
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-von-anna", Instant.now(),
                        Instant.now().plusSeconds(300)));
        ApiIdentity identity = new ApiIdentity(new org.springframework.beans.factory.support.StaticListableBeanFactory(
                Map.of("manager", manager)).getBeanProvider(OAuth2AuthorizedClientManager.class));
        OAuth2AuthenticationToken signedIn = new OAuth2AuthenticationToken(new DefaultOAuth2User(
                List.of(new SimpleGrantedAuthority("OIDC_USER")), Map.of("sub", "anna.amt50"), "sub"),
                List.of(new SimpleGrantedAuthority("OIDC_USER")), "keycloak");
        assertThat(identity.authorizationFor(signedIn)).isEqualTo("Bearer token-von-anna");
    }
}
