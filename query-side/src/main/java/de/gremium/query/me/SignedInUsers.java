package de.gremium.query.me;

import de.gremium.platform.security.GremiumSecurityAutoConfiguration.UsersDirectory;
import de.gremium.platform.security.GremiumUser;
import de.gremium.platform.security.JwtIdentity;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Tells who an authenticated caller is: the user id the security chain gave them (JWT: the stable claim, {@code sub}),
 * the display name from the users file (HTTP Basic) or from the access token's {@code name}, else
 * {@code preferred_username} claim (JWT), and their roles.
 */
@Component
class SignedInUsers {

    private static final String ROLE = "ROLE_";

    /** Display names of the users file's users, by user id; empty if there is no users file. */
    private final Map<String, String> names;

    SignedInUsers(ObjectProvider<UsersDirectory> directory) {
        UsersDirectory users = directory.getIfAvailable();
        this.names = users == null ? Map.of() : users.users().stream()
                .filter(user -> user.name() != null && !user.name().isBlank())
                .collect(Collectors.toUnmodifiableMap(GremiumUser::username, GremiumUser::name));
    }

    SignedInUser of(Authentication caller) {
        String userId = caller.getName();
        return new SignedInUser(userId, name(caller, userId), caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(ROLE))
                .map(authority -> authority.substring(ROLE.length()))
                .sorted()
                .distinct()
                .toList());
    }

    private String name(Authentication caller, String userId) {
        if (caller instanceof JwtAuthenticationToken token) {
            String name = JwtIdentity.displayName(token.getToken());
            return name == null ? userId : name;
        }
        return names.getOrDefault(userId, userId);
    }
}
