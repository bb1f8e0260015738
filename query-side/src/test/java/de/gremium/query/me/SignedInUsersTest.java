package de.gremium.query.me;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.platform.security.GremiumSecurityAutoConfiguration.UsersDirectory;
import de.gremium.platform.security.KeycloakRealmRoles;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who a JWT caller is, as a plain object: the token as the APIs' security chain turns it into an authentication. */
class SignedInUsersTest {

    /** As in production with Keycloak: no users file needed to tell a token's caller. */
    private final SignedInUsers users = new SignedInUsers(new StaticListableBeanFactory().getBeanProvider(UsersDirectory.class));

    private static Jwt token(String name, List<String> roles) {
        Jwt.Builder token = Jwt.withTokenValue("t").header("alg", "RS256").subject("f3b1c2d4-sub")
                .claim("preferred_username", "maria.fb32").claim("realm_access", Map.of("roles", roles))
                .issuedAt(Instant.parse("2026-12-07T12:00:00Z")).expiresAt(Instant.parse("2026-12-07T12:05:00Z"));
        if (name != null) {
            token.claim("name", name);
        }
        return token.build();
    }

    @Test
    void aTokensCallerIsNamedByItsNameClaimWithGremiumsRolesSortedAndWithoutThePrefix() {
        SignedInUser me = users.of(new KeycloakRealmRoles().convert(
                token("Maria Roth", List.of("MEMBER", "offline_access", "COORDINATOR"))));

        assertThat(me).isEqualTo(new SignedInUser("maria.fb32", "Maria Roth", List.of("COORDINATOR", "MEMBER")));
    }

    @Test
    void aTokenWithoutANameClaimNamesItsCallerByTheUserId() {
        assertThat(users.of(new KeycloakRealmRoles().convert(token(null, List.of("READER")))).name()).isEqualTo("maria.fb32");
        assertThat(users.of(new KeycloakRealmRoles().convert(token(" ", List.of("READER")))).name()).isEqualTo("maria.fb32");
    }
}
