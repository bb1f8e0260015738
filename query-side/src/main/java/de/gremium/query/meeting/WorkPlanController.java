package de.gremium.query.meeting;

import de.gremium.events.meeting.FetchMeeting;
import de.gremium.events.meeting.FetchWorkPlan;
import de.gremium.events.meeting.MeetingId;
import de.gremium.platform.refusal.Refusal;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import org.springframework.web.bind.annotation.RequestParam;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Work plan", description = "The quarterly meetings, their agendas and what cancelled meetings left open")
class WorkPlanController {

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
            stored events up to it (one pass over the record).""")
    WorkPlan workPlan(@PathVariable @Min(2000) @Max(2100) int year,
            @Parameter(description = "ISO-8601 instant, e.g. 2026-10-01T00:00:00Z; years 1900 to 2200")
            @RequestParam(required = false) Instant asOf) {
        if (asOf != null) {
            return history.at(year, asOf); // the coordinator's alone (AsOfViews)
        }
        return queries.query(new FetchWorkPlan(year), ResponseTypes.instanceOf(WorkPlan.class)).join();
    }

    @GetMapping("/api/meetings/{meetingId}")
    @Operation(summary = "One meeting in detail", description = "Agenda in order, guests, attendance with names, minutes, "
            + "cancellation, the history of reschedules and the iCalendar SEQUENCE (icalSequence). The ETag is the "
            + "meeting's version.")
    ResponseEntity<MeetingDetail> meeting(@PathVariable String meetingId) {
        return queries.query(new FetchMeeting(new MeetingId(meetingId)),
                        ResponseTypes.optionalInstanceOf(MeetingDetail.class)).join()
                .map(d -> ResponseEntity.ok().eTag(Long.toString(d.meeting().version())).body(d))
                .orElseThrow(() -> Refusal.notFound("Meeting " + meetingId));
    }
}
