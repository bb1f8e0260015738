package de.gremium.command.group;

import de.gremium.command.messaging.CommandDispatcher;
import de.gremium.command.values.EmailAddress;
import de.gremium.command.values.ValidEmailAddress;
import de.gremium.events.group.ChangeMemberEmail;
import de.gremium.events.group.ChooseNotificationSettings;
import de.gremium.events.group.GroupId;
import de.gremium.events.group.MemberId;
import de.gremium.events.group.NotificationDelivery;
import de.gremium.events.group.NotificationKind;
import de.gremium.platform.refusal.FieldError;
import de.gremium.platform.refusal.Refusal;
import de.gremium.platform.security.CurrentUser;
import de.gremium.platform.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A member's own data for the notifications: their e-mail address and how they hear of each kind (docs/notifications.md). */
@RestController
@RequestMapping("/api/members/{memberId}")
@PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
@Tag(name = "Members", description = "A member's e-mail address and notification settings (the member themself or the coordinator)")
class MemberController {

    private static final GroupId GROUP = GroupId.PROJEKTGRUPPE_INTEGRATION;

    private final CommandDispatcher commands;
    private final Clock clock;

    MemberController(CommandDispatcher commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * The body of {@code PUT …/email}. Not a record: it must tell {@code {"email": null}} (remove the address) from
     * {@code {}} (a client that forgot the field), which a record's component cannot; the setter notes that the field
     * was there.
     */
    static final class EmailRequest {

        @ValidEmailAddress
        @Schema(description = "The new address; null or blank removes it. Required (a body without it is refused).",
                example = "anna.becker@magdeburg.example", nullable = true, requiredMode = Schema.RequiredMode.REQUIRED)
        private String email;

        private boolean given;

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
            this.given = true;
        }

        /** The address, or a refusal naming {@code email} if the body did not have the field at all. */
        String required() {
            if (!given) {
                throw Refusal.invalid("email", "email is required; null removes the address");
            }
            return email;
        }
    }

    record SettingsRequest(@NotEmpty
            @Schema(description = "Kind → delivery, for the kinds to change; kinds not named keep theirs. Kinds: SCHEDULING_POLLS, "
                    + "MEETING_INVITATIONS, AGENDAS, MINUTES, MY_REPORTS, DECISIONS, REVIEW_DATES; deliveries: IMMEDIATELY, "
                    + "WEEKLY_DIGEST, NEVER", example = "{\"AGENDAS\": \"WEEKLY_DIGEST\", \"DECISIONS\": \"NEVER\"}")
            Map<String, String> deliveries) {

        /** The kinds and deliveries by name; every name that is not one is refused, all of them in one problem. */
        Map<NotificationKind, NotificationDelivery> chosen() {
            Map<NotificationKind, NotificationDelivery> chosen = new EnumMap<>(NotificationKind.class);
            List<FieldError> errors = new ArrayList<>();
            deliveries.forEach((kind, delivery) -> {
                String field = "deliveries." + kind;
                NotificationKind k = byName(NotificationKind.values(), kind);
                NotificationDelivery d = byName(NotificationDelivery.values(), delivery);
                if (k == null) {
                    errors.add(new FieldError(field, "is not a kind of notification; kinds: "
                            + Arrays.toString(NotificationKind.values())));
                } else if (d == null) {
                    errors.add(new FieldError(field, "must be one of " + Arrays.toString(NotificationDelivery.values())));
                } else {
                    chosen.put(k, d);
                }
            });
            if (!errors.isEmpty()) {
                throw Refusal.invalid("The notification settings name what is not a kind or a delivery.", errors);
            }
            return chosen;
        }

        private static <E extends Enum<E>> E byName(E[] values, String name) {
            return Arrays.stream(values).filter(v -> v.name().equals(name)).findFirst().orElse(null);
        }
    }

    @PutMapping("/email")
    @Operation(summary = "Set or remove a member's e-mail address for notifications",
            description = "The member themself or the coordinator; a member who withdrew is refused (403). "
                    + "An unchanged address records nothing. The field email is required: null removes the address, "
                    + "a body without it is refused (400).")
    ResponseEntity<Void> changeEmail(@PathVariable String memberId, @Valid @RequestBody EmailRequest request) {
        requireSelfOrCoordinator(memberId);
        commands.send(new ChangeMemberEmail(GROUP, new MemberId(memberId), EmailAddress.normalise(request.required()),
                CurrentUser.id(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/notification-settings")
    @Operation(summary = "Choose how a member hears of each kind of notification: immediately, weekly digest or never",
            description = "The member themself or the coordinator; a member who withdrew is refused (403). Kinds not "
                    + "named keep their delivery (IMMEDIATELY until chosen); an unchanged choice records nothing.")
    ResponseEntity<Void> chooseSettings(@PathVariable String memberId, @Valid @RequestBody SettingsRequest request) {
        requireSelfOrCoordinator(memberId);
        commands.send(new ChooseNotificationSettings(GROUP, new MemberId(memberId), request.chosen(), CurrentUser.id(),
                clock.instant()));
        return ResponseEntity.noContent().build();
    }

    private static void requireSelfOrCoordinator(String memberId) {
        if (!CurrentUser.hasRole(Roles.COORDINATOR) && !CurrentUser.id().equals(memberId)) {
            throw Refusal.forbidden("A member changes only their own address and settings.");
        }
    }
}
