package de.gremium.query.scheduling;

import de.gremium.events.scheduling.FetchSchedulingPoll;
import de.gremium.events.scheduling.SchedulingPollId;
import de.gremium.platform.refusal.Refusal;
import de.gremium.query.api.PageView;
import de.gremium.query.export.CsvColumns;
import de.gremium.query.export.Export;
import de.gremium.query.scheduling.SchedulingPollView.PollStatus;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Scheduling polls", description = "Joint scheduling: candidate dates, the members' answers, the tally")
class SchedulingPollController {

    /** One row per candidate, ranked best first, the poll first. */
    static final CsvColumns<TallyRow> TALLY = CsvColumns.<TallyRow>column("pollId", r -> r.poll().pollId())
            .and("meetingId", r -> r.poll().meetingId())
            .and("status", r -> r.poll().status())
            .and("tally", TallyRow::entry, CsvColumns.of(SchedulingPollDetail.TallyEntry.class));

    static final CsvColumns<SchedulingPollRow> SCHEDULING_POLL_ROW = CsvColumns.of(SchedulingPollRow.class);

    private final QueryGateway queries;

    SchedulingPollController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/scheduling-polls/{pollId}")
    @Operation(summary = "One scheduling poll with its ranked tally", description = """
            candidates: in the order proposed, with withinPreferredWindow (Wednesday 13:00–15:30) and conflicts (the \
            blocked appointments a candidate clashes with or comes too close to). answers: each member's latest \
            answer only; a later answer replaces the earlier one as a whole, and a candidate it does not name is \
            unanswered. tally: every candidate counted (yes, ifNeedBe, no, and unanswered = members who answered \
            the poll but not this candidate), ranked best first by fewest NO, then most YES, then most \
            IF_NEED_BE, then the earlier start (then the candidate id); ranks are 1, 2, 3, … without ties. \
            notAnswered: who has not answered yet, the members of the group at the poll's opening who gave no \
            answer (memberId, name), by member id. status is OPEN until the coordinator fixes a date, then CLOSED \
            with fixed naming the candidate. The ETag is the poll's version (JSON only).

            CSV (?format=csv or csv-semicolon, or Accept: text/csv): the tally, one row per candidate, best first; \
            columns pollId, meetingId, status, tally.rank, tally.candidateId, tally.start, tally.end, \
            tally.withinPreferredWindow, tally.conflicts, tally.yes, tally.ifNeedBe, tally.no, tally.unanswered, \
            tally.fixed.""")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SchedulingPollDetail.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> poll(@PathVariable String pollId,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        SchedulingPollDetail poll = queries.query(new FetchSchedulingPoll(new SchedulingPollId(pollId)),
                        ResponseTypes.optionalInstanceOf(SchedulingPollDetail.class)).join()
                .orElseThrow(() -> Refusal.notFound("Scheduling poll " + pollId));
        return export.eTag(poll.version()).view(poll, p -> p.tally().stream().map(entry -> new TallyRow(p, entry)).toList(),
                TALLY, "scheduling-poll-" + pollId);
    }

    /** A row of a poll's CSV: the poll, and one candidate's count. */
    record TallyRow(SchedulingPollDetail poll, SchedulingPollDetail.TallyEntry entry) {
    }

    @GetMapping("/api/scheduling-polls")
    @Operation(summary = "Scheduling polls, newest first", description = """
            One row per poll, the newest opened first: status OPEN or CLOSED, the number of candidates and of \
            members who answered, who has not answered yet (notAnswered: the members of the group at the poll's \
            opening who gave no answer, "<name> (<memberId>)" joined by ", "; notAnsweredCount), the leading \
            candidate and the whole tally in rank order ("<candidate>: YES n / IF_NEED_BE n / NO n" joined by \
            ", "; ranked as in /api/scheduling-polls/{pollId}), and the fixed date once closed. Paged like OParl \
            lists (data, pagination, links); pages count from 1. Filters combine.

            CSV (?format=csv or csv-semicolon, or Accept: text/csv): one row per row of the page, the same \
            fields as columns; X-Total-Count and Link place the page in the list (docs/exports.md).""")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PageView.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> polls(
            @RequestParam(required = false) PollStatus status,
            @RequestParam(required = false) String meetingId,
            @Parameter(description = PageView.PAGE) @RequestParam(defaultValue = "1") @Min(1) @Max(PageView.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        SchedulingPollQueries.SchedulingPollPage result = queries.query(
                new FetchSchedulingPolls(status, meetingId, page - 1, size),
                ResponseTypes.instanceOf(SchedulingPollQueries.SchedulingPollPage.class)).join();
        return export.page(PageView.of(result.rows(), result.total(), page, size,
                ServletUriComponentsBuilder.fromCurrentRequest()),
                SCHEDULING_POLL_ROW, "scheduling-polls");
    }
}
