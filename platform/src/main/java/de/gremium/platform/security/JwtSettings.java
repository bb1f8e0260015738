package de.gremium.platform.security;

import java.util.List;

/**
 * How an access token names its caller and what it must be meant for ({@code gremium.security.jwt.*}).
 *
 * @param clientId          the client the tokens are issued for: it must be in {@code aud}, and its roles
 *                          ({@code resource_access.<clientId>.roles}) are Gremium's roles
 * @param authorizedParties the clients that may present a token ({@code azp}, when the token has one); empty: the
 *                          client id alone
 * @param rolesClaim        a claim to take the roles from instead (a dotted path, e.g. {@code groups}); blank: the
 *                          client's roles
 * @param realmRoles        whether the realm's roles ({@code realm_access.roles}) count when the client's are absent
 * @param userIdClaim       the stable claim that is the user id Gremium records ({@code sub}); never a name the person
 *                          can change
 */
public record JwtSettings(String clientId, List<String> authorizedParties, String rolesClaim, boolean realmRoles,
        String userIdClaim) {

    public JwtSettings {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalStateException("gremium.security.jwt.client-id (GREMIUM_JWT_CLIENT_ID) must name the client "
                    + "the access tokens are issued for");
        }
        clientId = clientId.trim();
        authorizedParties = authorizedParties == null ? List.of() : authorizedParties.stream().map(String::trim)
                .filter(party -> !party.isEmpty()).toList();
        if (authorizedParties.isEmpty()) {
            authorizedParties = List.of(clientId);
        }
        rolesClaim = rolesClaim == null ? "" : rolesClaim.trim();
        userIdClaim = userIdClaim == null || userIdClaim.isBlank() ? "sub" : userIdClaim.trim();
    }
}
