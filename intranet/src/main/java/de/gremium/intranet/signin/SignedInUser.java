package de.gremium.intranet.signin;

import java.io.Serializable;
import java.util.List;

/**
 * The person signed in, as the APIs see them ({@code GET /api/me}): the pages show actions by these roles, the APIs
 * still decide.
 */
public record SignedInUser(String userId, String name, List<String> roles) implements Serializable {

    public SignedInUser {
        roles = roles == null ? List.of() : List.copyOf(roles);
        name = name == null || name.isBlank() ? userId : name;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isMember() {
        return has("MEMBER");
    }

    public boolean isCoordinator() {
        return has("COORDINATOR");
    }

    public boolean isMayorOffice() {
        return has("MAYOR_OFFICE");
    }
}
