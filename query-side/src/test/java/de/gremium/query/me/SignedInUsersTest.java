package de.gremium.query.me;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.platform.security.GremiumSecurityAutoConfiguration.UsersDirectory;
import de.gremium.platform.security.JwtIdentity;
import de.gremium.platform.security.JwtSettings;
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
    private final JwtIdentity identity = new JwtIdentity(new JwtSettings("gremium-intranet", List.of(), "", false, "sub"));

    private static Jwt token(String name, String preferredUsername, List<String> roles) {
        Jwt.Builder token = Jwt.withTokenValue("t").header("alg", "RS256").subject("f3b1c2d4-sub")
                .claim("resource_access", Map.of("gremium-intranet", Map.of("roles", roles)))
                .issuedAt(Instant.parse("2026-12-07T12:00:00Z")).expiresAt(Instant.parse("2026-12-07T12:05:00Z"));
        if (name != null) {
            token.claim("name", name);
        }
        if (preferredUsername != null) {
            token.claim("preferred_username", preferredUsername);
        }
        return token.build();
    }

    @Test
    void aTokensCallerIsItsSubjectNamedByItsNameClaimWithGremiumsRolesSortedAndWithoutThePrefix() {
        SignedInUser me = users.of(identity.convert(
                token("Maria Roth", "maria.fb32", List.of("MEMBER", "offline_access", "COORDINATOR"))));

        assertThat(me).isEqualTo(new SignedInUser("f3b1c2d4-sub", "Maria Roth", List.of("COORDINATOR", "MEMBER")));
    }

    @Test
    void aTokenWithoutANameClaimNamesItsCallerByThePreferredUsernameElseByTheUserId() {
        assertThat(users.of(identity.convert(token(null, "maria.fb32", List.of("READER")))).name()).isEqualTo("maria.fb32");
        assertThat(users.of(identity.convert(token(" ", "maria.fb32", List.of("READER")))).name()).isEqualTo("maria.fb32");
        assertThat(users.of(identity.convert(token(null, null, List.of("READER")))).name()).isEqualTo("f3b1c2d4-sub");
    }
}
