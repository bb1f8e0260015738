package de.gremium.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class KeycloakRealmRolesTest {

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("sub-1")
                .issuedAt(Instant.parse("2026-01-01T00:00:00Z")).expiresAt(Instant.parse("2026-01-01T01:00:00Z"));
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void gremiumRolesFromTheRealmBecomeAuthoritiesAndOthersAreIgnored() {
        AbstractAuthenticationToken auth = new KeycloakRealmRoles().convert(token(Map.of("preferred_username", "anna",
                "realm_access", Map.of("roles", List.of("MEMBER", "COORDINATOR", "offline_access", "uma_authorization")))));
        assertThat(auth.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_MEMBER", "ROLE_COORDINATOR");
        assertThat(auth.getName()).isEqualTo("anna");
    }

    @Test
    void aTokenWithoutRealmAccessHasNoRolesAndTheSubjectAsName() {
        AbstractAuthenticationToken auth = new KeycloakRealmRoles().convert(token(Map.of("scope", "openid")));
        assertThat(auth.getAuthorities()).isEmpty();
        assertThat(auth.getName()).isEqualTo("sub-1");
    }
}
