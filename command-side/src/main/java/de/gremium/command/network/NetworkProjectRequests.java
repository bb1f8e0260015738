package de.gremium.command.network;

import de.gremium.command.values.TextKind;
import de.gremium.command.values.ValidText;
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
            @ValidText(TextKind.TITLE) String title,
            @ValidText(TextKind.TEXT) String description,
            @NotEmpty Set<@NotNull PolicyField> policyFields,
            @NotNull @Schema(description = "PLANNED or RUNNING", allowableValues = {"PLANNED", "RUNNING"}) NetworkProjectStatus status,
            LocalDate startDate,
            @Schema(description = "not before startDate") LocalDate endDate,
            @ValidText(value = TextKind.CONTACT, required = false) String contact) {
    }

    /** The project as it stands now: every field is replaced, the working group stays. */
    record Update(
            @ValidText(TextKind.TITLE) String title,
            @ValidText(TextKind.TEXT) String description,
            @NotEmpty Set<@NotNull PolicyField> policyFields,
            @NotNull @Schema(description = "PLANNED or RUNNING", allowableValues = {"PLANNED", "RUNNING"}) NetworkProjectStatus status,
            LocalDate startDate,
            @Schema(description = "not before startDate") LocalDate endDate,
            @ValidText(value = TextKind.CONTACT, required = false) String contact) {
    }

    record Complete(@ValidText(TextKind.TEXT) String summary,
            @NotNull @Schema(description = "not before the project's startDate") LocalDate completedOn) {
    }

    record Drop(@ValidText(TextKind.TEXT) String reason) {
    }

    /** What the announcement answers: the new id, to read the project on the query side. */
    record Created(String id) {
    }
}
