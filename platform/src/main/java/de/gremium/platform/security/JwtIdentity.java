package de.gremium.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified access token into the caller. The user id, recorded with every event and matched against the
 * group's members, is a stable claim ({@code sub} by default): {@code preferred_username} is a name the person or an
 * administrator may change, and a changed name would act as someone else. The name to show is separate
 * ({@code name}, else {@code preferred_username}; see {@link #displayName}). Roles are the client's
 * ({@code resource_access.<client>.roles}) or a configured claim's, the realm's only if configured; only Gremium's
 * four count.
 */
public class JwtIdentity implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final List<String> GREMIUM_ROLES = List.of(Roles.MEMBER, Roles.COORDINATOR, Roles.MAYOR_OFFICE, Roles.READER);

    private final JwtSettings settings;

    public JwtIdentity(JwtSettings settings) {
        this.settings = settings;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Object userId = jwt.getClaims().get(settings.userIdClaim());
        if (!(userId instanceof String id) || id.isBlank()) {
            throw new InvalidBearerTokenException("The access token has no '" + settings.userIdClaim()
                    + "' claim to tell who the caller is.");
        }
        Collection<GrantedAuthority> authorities = roles(jwt).stream()
                .filter(GREMIUM_ROLES::contains)
                .distinct()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        return new JwtAuthenticationToken(jwt, authorities, id);
    }

    /** The name to show for a token's caller: {@code name}, else {@code preferred_username}, else null. */
    public static String displayName(Jwt jwt) {
        for (String claim : List.of("name", "preferred_username")) {
            String value = jwt.getClaimAsString(claim);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private List<String> roles(Jwt jwt) {
        Map<String, Object> claims = jwt.getClaims();
        if (!settings.rolesClaim().isEmpty()) {
            return strings(at(claims, List.of(settings.rolesClaim().split("\\."))));
        }
        List<String> client = strings(at(claims, List.of("resource_access", settings.clientId(), "roles")));
        if (client.isEmpty() && settings.realmRoles()) {
            return strings(at(claims, List.of("realm_access", "roles")));
        }
        return client;
    }

    private static Object at(Map<String, Object> claims, List<String> path) {
        Object here = claims;
        for (String step : path) {
            if (!(here instanceof Map<?, ?> map)) {
                return null;
            }
            here = map.get(step);
        }
        return here;
    }

    private static List<String> strings(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return value instanceof String single ? List.of(single) : List.of();
    }
}
