package de.gremium.query.meeting;

import de.gremium.events.meeting.FetchMeeting;
import de.gremium.events.meeting.FetchWorkPlan;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingStatus;
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
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Work plan", description = "The quarterly meetings, their agendas and what cancelled meetings left open")
class WorkPlanController {

    /** One row per meeting of the plan, in plan order; the agenda as its titles. */
    static final CsvColumns<PlanRow> PLAN = CsvColumns.<PlanRow>column("year", PlanRow::year)
            .and("quarter", PlanRow::quarter)
            .and("meetingId", r -> r.meeting().meetingId())
            .and("kind", r -> r.meeting().kind())
            .and("title", r -> r.meeting().title())
            .and("status", r -> r.meeting().status())
            .and("start", r -> r.meeting().start())
            .and("end", r -> r.meeting().end())
            .and("location", r -> r.meeting().location())
            .and("durationMinutes", r -> r.meeting().durationMinutes())
            .and("agendaTopics", r -> r.agenda().size())
            .and("agenda", r -> r.agenda().stream().map(WorkPlan.Topic::title).toList());
    /** One row per agenda item of a meeting, in order, the meeting first. */
    static final CsvColumns<AgendaRow> AGENDA = CsvColumns.<AgendaRow>column("meetingId", r -> r.meeting().id())
            .and("title", r -> r.meeting().title())
            .and("kind", r -> r.meeting().kind())
            .and("status", r -> r.meeting().status())
            .and("start", r -> r.meeting().start())
            .and("end", r -> r.meeting().end())
            .and("location", r -> r.meeting().location())
            .and("position", AgendaRow::position)
            .and("agendaItem", AgendaRow::item, CsvColumns.of(MeetingView.AgendaItem.class));

    static final CsvColumns<MeetingRow> MEETING_ROW = CsvColumns.of(MeetingRow.class);

    private final QueryGateway queries;
    private final WorkPlanAsOf history;

    WorkPlanController(QueryGateway queries, WorkPlanAsOf history) {
        this.queries = queries;
        this.history = history;
    }

    @GetMapping("/api/work-plan/{year}")
    @Operation(summary = "The work plan of a year", description = """
            The four quarters (always all four) with the meetings planned for them: by start, undated meetings \
            last, regular before extra; each with status, kind, title, date, location and agenda in order.

            openItemsCarriedOver lists what the year's cancelled meetings did not get to, meeting by meeting in \
            plan order, each in agenda order:
            - a project idea, while the idea is still ON_AGENDA and its latest agenda placement is the cancelled \
            meeting. An idea placed on another meeting's agenda since, discussed, shelved or withdrawn is no longer \
            open. Such an idea counts even if its item was taken off the agenda before the cancellation;
            - a problem report, unless it was put on the agenda of a meeting that is not cancelled after it was put \
            on the cancelled one;
            - a free topic, always (there is nothing to tell that it was taken up again).
            Whether an idea moved on comes from the project ideas view, which may lag the work plan by moments.

            asOf (coordinator only, an audit view): the work plan as it stood at that instant, rebuilt from the \
            stored events up to it (one pass over the record).

            CSV (?format=csv or csv-semicolon, or Accept: text/csv): one row per meeting in plan order; columns \
            year, quarter, meetingId, kind, title, status, start, end, location, durationMinutes, agendaTopics (how \
            many), agenda (the topics' titles joined by "; "). The open items carried over are not in the CSV.""")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = WorkPlan.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> workPlan(@PathVariable @Min(2000) @Max(2100) int year,
            @Parameter(description = "ISO-8601 instant, e.g. 2026-10-01T00:00:00Z; years 1900 to 2200")
            @RequestParam(required = false) Instant asOf,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        WorkPlan plan = asOf != null
                ? history.at(year, asOf) // the coordinator's alone (AsOfViews)
                : queries.query(new FetchWorkPlan(year), ResponseTypes.instanceOf(WorkPlan.class)).join();
        return export.view(plan, p -> p.quarters().stream().flatMap(q -> q.meetings().stream()
                .map(m -> new PlanRow(p.year(), q.quarter(), m))).toList(), PLAN, "work-plan-" + year);
    }

    @GetMapping("/api/meetings/{meetingId}")
    @Operation(summary = "One meeting in detail", description = "Agenda in order, guests, attendance with names, minutes, "
            + "cancellation, the history of reschedules and the iCalendar SEQUENCE (icalSequence). The ETag is the "
            + "meeting's version (JSON only).\n\nCSV (?format=csv or csv-semicolon, or Accept: text/csv): the agenda, "
            + "one row per item in order; columns meetingId, title, kind, status, start, end, location, position "
            + "(1 first), agendaItem.agendaItemId, agendaItem.kind, agendaItem.referenceId, agendaItem.title, "
            + "agendaItem.addedBy, agendaItem.addedAt. A meeting without an agenda gives the header alone.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = MeetingDetail.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> meeting(@PathVariable String meetingId,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        MeetingDetail detail = queries.query(new FetchMeeting(new MeetingId(meetingId)),
                        ResponseTypes.optionalInstanceOf(MeetingDetail.class)).join()
                .orElseThrow(() -> Refusal.notFound("Meeting " + meetingId));
        MeetingView meeting = detail.meeting();
        List<MeetingView.AgendaItem> agenda = meeting.agenda() == null ? List.of() : meeting.agenda();
        return export.eTag(meeting.version()).view(detail, d -> IntStream.range(0, agenda.size())
                .mapToObj(i -> new AgendaRow(meeting, i + 1, agenda.get(i))).toList(), AGENDA, "meeting-" + meetingId);
    }

    /** A row of the work plan's CSV. */
    record PlanRow(int year, int quarter, WorkPlan.Meeting meeting) {

        List<WorkPlan.Topic> agenda() {
            return meeting.agenda() == null ? List.of() : meeting.agenda();
        }
    }

    /** A row of a meeting's CSV: the meeting, and one item of its agenda. */
    record AgendaRow(MeetingView meeting, int position, MeetingView.AgendaItem item) {
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
