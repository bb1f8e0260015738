package de.gremium.query.meeting;

import de.gremium.events.meeting.MeetingStatus;
import de.gremium.query.api.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Work plan")
class MeetingListController {

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
            pages count from 1. Filters combine. One meeting in detail: /api/meetings/{meetingId}.""")
    PageView<MeetingRow> meetings(
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
            @RequestParam(required = false) MeetingStatus status,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        WorkPlanQueries.MeetingPage result = queries.query(new FetchMeetings(year, status, page - 1, size),
                ResponseTypes.instanceOf(WorkPlanQueries.MeetingPage.class)).join();
        return PageView.of(result.rows(), result.total(), page, size, ServletUriComponentsBuilder.fromCurrentRequest());
    }
}
