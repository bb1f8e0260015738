package de.gremium.query.me;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Who the caller is, as the APIs see them.
 *
 * @param userId the id the APIs record as who did something (login name, or the token's {@code preferred_username})
 * @param name   the name to show: the users file's {@code name}, the token's {@code name} claim, else the user id
 * @param roles  Gremium's roles the caller holds, without {@code ROLE_}, sorted
 */
@Schema(description = "The signed-in caller")
public record SignedInUser(
        @Schema(example = "anna.amt50") String userId,
        @Schema(example = "Anna Becker (Amt 50)") String name,
        @Schema(example = "[\"MEMBER\"]") List<String> roles) {

    public SignedInUser {
        roles = List.copyOf(roles);
    }
}
