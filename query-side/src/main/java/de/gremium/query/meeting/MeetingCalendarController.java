package de.gremium.query.meeting;

import de.gremium.events.meeting.FetchMeetingCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Work plan")
class MeetingCalendarController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final QueryGateway queries;
    private final MeetingCalendarFeed feed;

    MeetingCalendarController(QueryGateway queries, MeetingCalendarFeed feed) {
        this.queries = queries;
        this.feed = feed;
    }

    @GetMapping("/api/meetings.ics")
    @Operation(summary = "The meetings as an iCalendar feed", description = """
            RFC 5545, for calendar subscriptions (HTTP Basic works with calendar clients). Every meeting that has \
            been scheduled at least once is one VEVENT: UID "<meetingId>@gremium.magdeburg.de", stable across \
            changes; SEQUENCE 0 at the first scheduling, raised by each reschedule and by the cancellation; \
            STATUS CONFIRMED or CANCELLED; DTSTART/DTEND in UTC; SUMMARY "Projektgruppe Integration – Sitzung \
            Qn/yyyy" (regular), "… – Sondersitzung" (extra) or "… – <title>" when the meeting has a title; \
            DESCRIPTION the agenda in order (and the reason of a cancellation); DTSTAMP and LAST-MODIFIED the time \
            of the meeting's last change. Agenda changes alone do not raise SEQUENCE. The ETag lets clients \
            ask with If-None-Match.""")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
    ResponseEntity<String> calendar() {
        String body = feed.render(queries.query(new FetchMeetingCalendar(), ResponseTypes.instanceOf(MeetingCalendar.class))
                .join().meetings());
        String etag = "\"" + HexFormat.of().formatHex(DigestUtils.md5Digest(body.getBytes(StandardCharsets.UTF_8))) + "\"";
        // Spring answers If-None-Match with 304 for a ResponseEntity that carries an ETag
        return ResponseEntity.ok().contentType(TEXT_CALENDAR).eTag(etag).body(body);
    }
}
