package de.gremium.command.network;

import de.gremium.events.PolicyField;
import de.gremium.events.network.NetworkProjectStatus;
import de.gremium.events.network.NetworkWorkingGroup;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;

/** The request bodies of the network-project endpoints, validated at the edge. */
final class NetworkProjectRequests {

    private NetworkProjectRequests() {
    }

    record Announce(
            @NotNull NetworkWorkingGroup workingGroup,
            @NotBlank @Size(max = NetworkProjectRules.TITLE_MAX) String title,
            @NotBlank @Size(max = NetworkProjectRules.TEXT_MAX) String description,
            @NotEmpty Set<@NotNull PolicyField> policyFields,
            @NotNull @Schema(description = "PLANNED or RUNNING", allowableValues = {"PLANNED", "RUNNING"}) NetworkProjectStatus status,
            LocalDate startDate,
            @Schema(description = "not before startDate") LocalDate endDate,
            @Size(max = NetworkProjectRules.CONTACT_MAX) String contact) {
    }

    /** The project as it stands now: every field is replaced, the working group stays. */
    record Update(
            @NotBlank @Size(max = NetworkProjectRules.TITLE_MAX) String title,
            @NotBlank @Size(max = NetworkProjectRules.TEXT_MAX) String description,
            @NotEmpty Set<@NotNull PolicyField> policyFields,
            @NotNull @Schema(description = "PLANNED or RUNNING", allowableValues = {"PLANNED", "RUNNING"}) NetworkProjectStatus status,
            LocalDate startDate,
            @Schema(description = "not before startDate") LocalDate endDate,
            @Size(max = NetworkProjectRules.CONTACT_MAX) String contact) {
    }

    record Complete(@NotBlank @Size(max = NetworkProjectRules.TEXT_MAX) String summary,
            @NotNull @Schema(description = "not before the project's startDate") LocalDate completedOn) {
    }

    record Drop(@NotBlank @Size(max = NetworkProjectRules.TEXT_MAX) String reason) {
    }

    /** What the announcement answers: the new id, to read the project on the query side. */
    record Created(String id) {
    }
}
