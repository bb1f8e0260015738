package de.gremium.query.scheduling;

import de.gremium.events.scheduling.FetchSchedulingPoll;
import de.gremium.events.scheduling.SchedulingPollId;
import de.gremium.platform.refusal.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Scheduling polls", description = "Joint scheduling: candidate dates, the members' answers, the tally")
class SchedulingPollController {

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
            with fixed naming the candidate. The ETag is the poll's version.""")
    ResponseEntity<SchedulingPollDetail> poll(@PathVariable String pollId) {
        return queries.query(new FetchSchedulingPoll(new SchedulingPollId(pollId)),
                        ResponseTypes.optionalInstanceOf(SchedulingPollDetail.class)).join()
                .map(p -> ResponseEntity.ok().eTag(Long.toString(p.version())).body(p))
                .orElseThrow(() -> Refusal.notFound("Scheduling poll " + pollId));
    }
}
