package de.gremium.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** Only tokens meant for Gremium's client pass, whatever else the realm issues. */
class ClientAudienceTest {

    private final ClientAudience validator = new ClientAudience(new JwtSettings("gremium-intranet", List.of(), "", false, "sub"));

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("sub-1")
                .issuedAt(Instant.parse("2026-01-01T00:00:00Z")).expiresAt(Instant.parse("2026-01-01T01:00:00Z"));
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void aTokenForTheClientObtainedByTheClientPasses() {
        assertThat(validator.validate(token(Map.of("aud", List.of("gremium-intranet", "account"), "azp", "gremium-intranet")))
                .hasErrors()).isFalse();
        assertThat(validator.validate(token(Map.of("aud", "gremium-intranet"))).hasErrors()).as("without azp").isFalse();
    }

    @Test
    void aTokenForAnotherAudienceOrWithoutOneIsRefused() {
        assertThat(validator.validate(token(Map.of("aud", List.of("account"), "azp", "gremium-intranet"))).getErrors())
                .singleElement().satisfies(e -> assertThat(e.getDescription()).contains("aud").contains("gremium-intranet"));
        assertThat(validator.validate(token(Map.of("azp", "gremium-intranet"))).hasErrors()).isTrue();
    }

    @Test
    void aTokenObtainedByAnotherClientIsRefusedUnlessThatClientIsAnAuthorizedParty() {
        Jwt viaApp = token(Map.of("aud", List.of("gremium-intranet"), "azp", "gremium-app"));

        assertThat(validator.validate(viaApp).hasErrors()).isTrue();
        assertThat(new ClientAudience(new JwtSettings("gremium-intranet", List.of("gremium-intranet", "gremium-app"), "", false,
                "sub")).validate(viaApp).hasErrors()).isFalse();
    }

    @Test
    void aClientIdIsRequired() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JwtSettings(" ", List.of(), "", false, "sub"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("GREMIUM_JWT_CLIENT_ID");
    }

    @Test
    void anIdTokenForTheClientIsRefusedThoughItsAudienceAndAuthorizedPartyAreRight() {
        Map<String, Object> forTheClient = Map.of("aud", "gremium-intranet", "azp", "gremium-intranet");

        assertThat(validator.validate(token(Map.of("aud", "gremium-intranet", "azp", "gremium-intranet", "typ", "ID")))
                .getErrors()).singleElement().satisfies(e -> assertThat(e.getDescription()).contains("ID token"));
        assertThat(validator.validate(token(Map.of("aud", "gremium-intranet", "azp", "gremium-intranet", "typ", "Bearer")))
                .hasErrors()).as("Keycloak's access token").isFalse();
        assertThat(validator.validate(typed("id_token+jwt", forTheClient)).hasErrors()).isTrue();
        assertThat(validator.validate(typed("logout+jwt", forTheClient)).hasErrors()).isTrue();
        assertThat(validator.validate(typed("JWT", forTheClient)).hasErrors()).isFalse();
        assertThat(validator.validate(typed("jwt", forTheClient)).hasErrors()).isFalse();
        assertThat(validator.validate(typed("AT+JWT", forTheClient)).hasErrors()).isFalse();
    }

    private static Jwt typed(String headerType, Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").header("typ", headerType).subject("sub-1")
                .issuedAt(Instant.parse("2026-01-01T00:00:00Z")).expiresAt(Instant.parse("2026-01-01T01:00:00Z"));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
