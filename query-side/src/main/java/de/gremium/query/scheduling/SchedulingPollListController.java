package de.gremium.query.scheduling;

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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Scheduling polls")
class SchedulingPollListController {

    static final CsvColumns<SchedulingPollRow> SCHEDULING_POLL_ROW = CsvColumns.of(SchedulingPollRow.class);

    private final QueryGateway queries;

    SchedulingPollListController(QueryGateway queries) {
        this.queries = queries;
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
