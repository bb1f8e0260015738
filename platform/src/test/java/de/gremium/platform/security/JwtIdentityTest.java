package de.gremium.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who a token's caller is: a stable user id, the client's roles, the realm's only if configured. */
class JwtIdentityTest {

    private static final JwtSettings CLIENT_ROLES = new JwtSettings("gremium-intranet", List.of(), "", false, "sub");

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("0f6d2c1e-sub")
                .issuedAt(Instant.parse("2026-01-01T00:00:00Z")).expiresAt(Instant.parse("2026-01-01T01:00:00Z"));
        claims.forEach(builder::claim);
        return builder.build();
    }

    private static List<String> authorities(AbstractAuthenticationToken auth) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void theUserIdIsTheSubjectNotThePreferredUsernameThePersonCanChange() {
        AbstractAuthenticationToken auth = new JwtIdentity(CLIENT_ROLES).convert(token(Map.of("preferred_username", "anna.amt50",
                "resource_access", Map.of("gremium-intranet", Map.of("roles", List.of("MEMBER"))))));

        assertThat(auth.getName()).isEqualTo("0f6d2c1e-sub");
        assertThat(JwtIdentity.displayName(((JwtAuthenticationToken) auth).getToken())).isEqualTo("anna.amt50");
    }

    @Test
    void aConfiguredStableClaimIsTheUserIdAndATokenWithoutItIsRefused() {
        JwtIdentity byEmployeeNumber = new JwtIdentity(new JwtSettings("gremium-intranet", List.of(), "", false, "employee_number"));

        assertThat(byEmployeeNumber.convert(token(Map.of("employee_number", "4711"))).getName()).isEqualTo("4711");
        assertThatThrownBy(() -> byEmployeeNumber.convert(token(Map.of("preferred_username", "anna"))))
                .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("employee_number");
    }

    @Test
    void rolesAreTheClientsOnlyGremiumsCountAndRealmRolesAreIgnoredByDefault() {
        AbstractAuthenticationToken auth = new JwtIdentity(CLIENT_ROLES).convert(token(Map.of(
                "resource_access", Map.of("gremium-intranet", Map.of("roles", List.of("MEMBER", "manage-account")),
                        "other-app", Map.of("roles", List.of("COORDINATOR"))),
                "realm_access", Map.of("roles", List.of("COORDINATOR", "offline_access")))));

        assertThat(authorities(auth)).containsExactly("ROLE_MEMBER");
    }

    @Test
    void realmRolesCountOnlyWhenConfiguredAndOnlyWithoutClientRoles() {
        JwtIdentity fallback = new JwtIdentity(new JwtSettings("gremium-intranet", List.of(), "", true, "sub"));
        Map<String, Object> realm = Map.of("realm_access", Map.of("roles", List.of("COORDINATOR", "offline_access")));

        assertThat(authorities(new JwtIdentity(CLIENT_ROLES).convert(token(realm)))).isEmpty();
        assertThat(authorities(fallback.convert(token(realm)))).containsExactly("ROLE_COORDINATOR");
    }

    @Test
    void aConfiguredRolesClaimIsReadByItsDottedPath() {
        JwtIdentity groups = new JwtIdentity(new JwtSettings("gremium-intranet", List.of(), "gremium.roles", false, "sub"));

        assertThat(authorities(groups.convert(token(Map.of("gremium", Map.of("roles", List.of("READER", "MAYOR_OFFICE")))))))
                .containsExactly("ROLE_READER", "ROLE_MAYOR_OFFICE");
    }
}
