package de.gremium.query.meeting;

import de.gremium.events.meeting.MeetingStatus;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Work plan")
class MeetingListController {

    static final CsvColumns<MeetingRow> MEETING_ROW = CsvColumns.of(MeetingRow.class);

    private final QueryGateway queries;

    MeetingListController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/meetings")
    @Operation(summary = "Meetings, newest first", description = """
            One row per meeting, the latest quarter first and within a quarter the latest start first (undated \
            meetings after the dated ones): year, quarter, kind, title, status (PLANNED, SCHEDULED, HELD, \
            CANCELLED), start and end when dated, location, how many topics the agenda has (agendaTopics) and \
            whether minutes were recorded (minutesPresent). Paged like OParl lists (data, pagination, links); \
            pages count from 1. Filters combine. One meeting in detail: /api/meetings/{meetingId}.

            CSV (?format=csv or csv-semicolon, or Accept: text/csv): one row per row of the page, the same \
            fields as columns; X-Total-Count and Link place the page in the list (docs/exports.md).""")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PageView.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> meetings(
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
            @RequestParam(required = false) MeetingStatus status,
            @Parameter(description = PageView.PAGE) @RequestParam(defaultValue = "1") @Min(1) @Max(PageView.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        WorkPlanQueries.MeetingPage result = queries.query(new FetchMeetings(year, status, page - 1, size),
                ResponseTypes.instanceOf(WorkPlanQueries.MeetingPage.class)).join();
        return export.page(PageView.of(result.rows(), result.total(), page, size,
                ServletUriComponentsBuilder.fromCurrentRequest()),
                MEETING_ROW, "meetings");
    }
}
