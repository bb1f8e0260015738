package de.gremium.query.scheduling;

import de.gremium.query.api.PageView;
import de.gremium.query.scheduling.SchedulingPollView.PollStatus;
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
@Tag(name = "Scheduling polls")
class SchedulingPollListController {

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
            lists (data, pagination, links); pages count from 1. Filters combine.""")
    PageView<SchedulingPollRow> polls(
            @RequestParam(required = false) PollStatus status,
            @RequestParam(required = false) String meetingId,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        SchedulingPollQueries.SchedulingPollPage result = queries.query(
                new FetchSchedulingPolls(status, meetingId, page - 1, size),
                ResponseTypes.instanceOf(SchedulingPollQueries.SchedulingPollPage.class)).join();
        return PageView.of(result.rows(), result.total(), page, size, ServletUriComponentsBuilder.fromCurrentRequest());
    }
}
