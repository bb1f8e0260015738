package de.gremium.query.me;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Me", description = "Who the caller is, for pages that show a person their own things")
class MeController {

    private final SignedInUsers users;

    MeController(SignedInUsers users) {
        this.users = users;
    }

    @GetMapping("/api/me")
    @Operation(summary = "The signed-in caller", description = "The user id the APIs record as who did something, the "
            + "name to show (the users file's name with HTTP Basic, the access token's name, else preferred_username "
            + "claim with a JWT, else the user id) and Gremium's roles the caller holds, sorted. The roles are the ones the APIs enforce; a page "
            + "may hide what a role lacks, the APIs still decide.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = SignedInUser.class)))
    SignedInUser me(Authentication caller) {
        return users.of(caller);
    }
}
