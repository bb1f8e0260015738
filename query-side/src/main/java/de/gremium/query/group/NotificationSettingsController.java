package de.gremium.query.group;

import de.gremium.events.group.MemberId;
import de.gremium.platform.refusal.Refusal;
import de.gremium.platform.security.CurrentUser;
import de.gremium.query.export.CsvColumns;
import de.gremium.query.export.Export;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.regex.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's e-mail address and notification settings (docs/notifications.md): personal data, so only the member
 * themself and the coordinator read them. They are changed on the command side.
 */
@RestController
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Notification settings", description = "A member's e-mail address and how they hear of each kind of news")
class NotificationSettingsController {

    static final CsvColumns<NotificationSettings.Setting> SETTINGS = CsvColumns.of(NotificationSettings.Setting.class);
    private static final Pattern MEMBER_ID = Pattern.compile(MemberId.FORM);
    private static final String ANSWER = """
            memberId, name, email (absent if none), settings (one per kind in a fixed order: kind, label, description, \
            delivery IMMEDIATELY, WEEKLY_DIGEST or NEVER, deliveryLabel; IMMEDIATELY for a kind never chosen), \
            deliveries (the choices: value, label) and withdrawn (a withdrawn member gets no e-mail and cannot change \
            them).

            CSV (?format=csv or csv-semicolon, or Accept: text/csv): one row per kind; columns kind, label, \
            description, delivery, deliveryLabel.""";

    private final QueryGateway queries;

    NotificationSettingsController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/me/notification-settings")
    @Operation(summary = "The caller's own notification settings", description = "The caller's address and settings "
            + "as a member of the group; 404 if the caller is not a member. " + ANSWER)
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = NotificationSettings.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> mine(@Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        return answer(export, CurrentUser.id());
    }

    @GetMapping("/api/members/{memberId}/notification-settings")
    @Operation(summary = "A member's notification settings", description = "For the member themself and the "
            + "coordinator (403 for anyone else, whoever the member is); 400 for a user id the command side would not "
            + "accept, 404 for one that is no member, current or withdrawn. " + ANSWER)
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = NotificationSettings.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> ofMember(@Parameter(description = "The member's user id") @PathVariable String memberId,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (!memberId.equals(CurrentUser.id()) && !CurrentUser.hasRole("COORDINATOR")) {
            throw Refusal.forbidden("A member's notification settings are for the member themself and the coordinator.");
        }
        if (!MEMBER_ID.matcher(memberId).matches()) {
            throw Refusal.invalid("memberId", "a user id of 1 to 200 letters, digits, . _ @ -");
        }
        Export export = Export.of(format, accept);
        return answer(export, memberId);
    }

    private ResponseEntity<?> answer(Export export, String memberId) {
        NotificationSettings settings = queries.query(new FetchNotificationSettings(memberId),
                        ResponseTypes.optionalInstanceOf(NotificationSettings.class)).join()
                .orElseThrow(() -> Refusal.notFound("The member " + memberId));
        return export.view(settings, NotificationSettings::settings, SETTINGS, "notification-settings-" + memberId);
    }
}
