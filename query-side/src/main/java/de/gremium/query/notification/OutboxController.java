package de.gremium.query.notification;

import de.gremium.platform.refusal.Refusal;
import de.gremium.query.api.PageView;
import de.gremium.query.export.CsvColumns;
import de.gremium.query.export.Export;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The coordinator's view of the outbox: what was sent, what waits, what failed and why (docs/notifications.md). */
@RestController
@RequestMapping("/api/notifications/outbox")
@PreAuthorize("hasRole('COORDINATOR')")
@Tag(name = "Notifications", description = "The outbox of e-mail notifications, for the coordinator")
class OutboxController {

    static final CsvColumns<OutboxItem> ITEMS = CsvColumns.of(OutboxItem.class);
    static final CsvColumns<OutboxLetter> LETTER = CsvColumns.of(OutboxLetter.class);

    private final QueryGateway queries;

    OutboxController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "The outbox, newest first", description = """
            counts: how many e-mails are in each status, all of them whatever the filter (PENDING wartet, SENDING \
            wird gesendet, SENT gesendet, FAILED fehlgeschlagen, HELD nicht versandt (kein SMTP-Server), DIGESTED in \
            Zusammenfassung). items: the page's e-mails, newest first, each with id, kind (a NotificationKind or \
            DIGEST) and kindLabel, recipientId (a user id, or guest:<guestId>), recipientName, recipientAddress, \
            delivery (IMMEDIATELY or WEEKLY_DIGEST), subject, status and statusLabel, attempts, nextAttemptAt, \
            lastError (why the last attempt failed), createdAt, sentAt, invitation (an iCalendar invitation or \
            cancellation). pagination and links as in every list; pages count from 1. status filters by one status \
            (any case); another value is a 400 naming it. The bodies: /api/notifications/outbox/{id}.

            CSV (?format=csv or csv-semicolon, or Accept: text/csv): one row per e-mail of the page, the fields of \
            items as columns.""")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = OutboxPage.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> outbox(@Parameter(description = "Only e-mails in this status") @RequestParam(required = false) OutboxStatus status,
            @Parameter(description = PageView.PAGE) @RequestParam(defaultValue = "1") @Min(1) @Max(PageView.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        OutboxQueries.OutboxRows rows = queries.query(new FetchOutbox(status, page - 1, size),
                ResponseTypes.instanceOf(OutboxQueries.OutboxRows.class)).join();
        PageView<OutboxItem> paged = PageView.of(rows.items(), rows.total(), page, size,
                ServletUriComponentsBuilder.fromCurrentRequest());
        OutboxPage answer = new OutboxPage(rows.counts(), paged.data(), paged.pagination(), paged.links());
        return export.view(answer, OutboxPage::items, ITEMS, "outbox" + (status == null ? "" : "-" + status.name())
                + "-" + page);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One e-mail of the outbox", description = """
            The fields of a row of the outbox, then text (plain), html and calendar (the iCalendar object of an \
            invitation): what was or would be sent, absent once sent (the outbox keeps no copy of what people were \
            told). 404 for an id the outbox does not hold (an erasure deletes a person's e-mails).

            CSV (?format=csv or csv-semicolon, or Accept: text/csv): one row, columns item.<field>, text, html, \
            calendar.""")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = OutboxLetter.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> letter(@Parameter(description = "The e-mail's id in the outbox") @PathVariable long id,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        OutboxLetter letter = queries.query(new FetchOutboxLetter(id), ResponseTypes.optionalInstanceOf(OutboxLetter.class))
                .join().orElseThrow(() -> Refusal.notFound("The e-mail " + id + " of the outbox"));
        return export.view(letter, List::of, LETTER, "outbox-" + id);
    }
}
