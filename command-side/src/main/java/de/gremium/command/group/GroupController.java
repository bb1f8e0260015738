package de.gremium.command.group;

import de.gremium.command.values.EmailAddress;
import de.gremium.command.values.TextKind;
import de.gremium.command.values.ValidEmailAddress;
import de.gremium.command.values.ValidText;
import de.gremium.command.messaging.CommandDispatcher;
import de.gremium.events.group.AddUnit;
import de.gremium.events.group.AppointMember;
import de.gremium.events.group.AssignCoordinatorRole;
import de.gremium.events.group.AssignMayorsOfficeSeat;
import de.gremium.events.group.GroupId;
import de.gremium.events.group.MemberId;
import de.gremium.events.group.RetireUnit;
import de.gremium.events.group.WithdrawMember;
import de.gremium.platform.refusal.Refusal;
import de.gremium.platform.security.CurrentUser;
import de.gremium.platform.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/group")
@Tag(name = "Group", description = "Constitution of the group: units, members, the coordinator's and the mayor's-office seats")
class GroupController {

    private static final GroupId GROUP = GroupId.PROJEKTGRUPPE_INTEGRATION;

    private final CommandDispatcher commands;
    private final Clock clock;
    private final String querySideUrl;

    GroupController(CommandDispatcher commands, Clock clock, @Value("${gremium.query-side.base-url}") String querySideUrl) {
        this.commands = commands;
        this.clock = clock;
        this.querySideUrl = querySideUrl;
    }

    record UnitRequest(@ValidText(TextKind.TITLE) String department, @ValidText(TextKind.TITLE) String unit) {
    }

    record RetirementRequest(@ValidText(TextKind.TITLE) String unit, @ValidText(TextKind.SHORT_TEXT) String reason) {
    }

    record AppointmentRequest(
            @ValidText(TextKind.TITLE) @Pattern(regexp = MemberId.CHARACTERS, message = "must be a user id (letters, digits, . _ @ -)")
            String memberId,
            @ValidText(TextKind.TITLE) String name,
            @ValidText(TextKind.TITLE) String unit,
            @ValidEmailAddress
            @Schema(description = "For the notifications; optional", example = "anna.becker@magdeburg.example", nullable = true)
            String email) {
    }

    record MemberWithdrawalRequest(@ValidText(value = TextKind.SHORT_TEXT, required = false) String reason) {
    }

    record SeatRequest(@ValidText(TextKind.TITLE) String memberId) {
    }

    @PostMapping("/units")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Add an organisational unit (to a new or existing department)")
    ResponseEntity<Void> addUnit(@Valid @RequestBody UnitRequest request) {
        commands.send(new AddUnit(GROUP, request.department(), request.unit(), CurrentUser.id(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/unit-retirements")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Retire a unit that no longer takes part (it must have no members left)")
    ResponseEntity<Void> retireUnit(@Valid @RequestBody RetirementRequest request) {
        commands.send(new RetireUnit(GROUP, request.unit(), request.reason(), CurrentUser.id(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/members")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Appoint a member on behalf of a unit", description = "The member id is the user id they sign in "
            + "with; the e-mail address (optional) is where their notifications go.")
    ResponseEntity<Void> appoint(@Valid @RequestBody AppointmentRequest request) {
        commands.send(new AppointMember(GROUP, new MemberId(request.memberId()), request.name(), request.unit(),
                CurrentUser.id(), clock.instant(), EmailAddress.normalise(request.email())));
        // the unit is any text (a '|' or a NUL failed URI.create with a 500 after the member was appointed)
        return ResponseEntity.created(URI.create(querySideUrl + "/api/members?unit="
                + URLEncoder.encode(request.unit(), StandardCharsets.UTF_8).replace("+", "%20"))).build();
    }

    @PostMapping("/members/{memberId}/withdrawal")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    @Operation(summary = "Withdraw a member", description = "The coordinator withdraws anyone; a member only themself.")
    ResponseEntity<Void> withdraw(@PathVariable String memberId, @Valid @RequestBody(required = false) MemberWithdrawalRequest request) {
        if (!CurrentUser.hasRole(Roles.COORDINATOR) && !CurrentUser.id().equals(memberId)) {
            throw Refusal.forbidden("A member can withdraw only themself.");
        }
        commands.send(new WithdrawMember(GROUP, new MemberId(memberId), request == null ? null : request.reason(),
                CurrentUser.id(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/coordinator")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Hand the coordinator role to a member")
    ResponseEntity<Void> coordinator(@Valid @RequestBody SeatRequest request) {
        commands.send(new AssignCoordinatorRole(GROUP, new MemberId(request.memberId()), CurrentUser.id(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/mayors-office-seat")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Give the mayor's-office seat to a member")
    ResponseEntity<Void> mayorsOffice(@Valid @RequestBody SeatRequest request) {
        commands.send(new AssignMayorsOfficeSeat(GROUP, new MemberId(request.memberId()), CurrentUser.id(), clock.instant()));
        return ResponseEntity.noContent().build();
    }
}
