package de.gremium.query.scheduling;

import de.gremium.events.scheduling.Availability;
import de.gremium.query.scheduling.SchedulingPollView.Candidate;
import de.gremium.query.scheduling.SchedulingPollView.FixedDate;
import de.gremium.query.scheduling.SchedulingPollView.Member;
import de.gremium.query.scheduling.SchedulingPollView.PollStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A poll as members see it: the candidates in the order proposed, every member's current answers
 * (in the order they last answered), the tally ranked best first, and who has not answered yet: the members
 * of the group at the poll's opening who gave no answer, by member id.
 */
public record SchedulingPollDetail(String pollId, String meetingId, PollStatus status, String openedBy, Instant openedAt,
        List<Candidate> candidates, List<Answer> answers, List<TallyEntry> tally, List<Member> notAnswered,
        FixedDate fixed, Instant lastChangedAt, long version) {

    /** A member's answers by candidate id; a candidate missing here is unanswered by this member. */
    public record Answer(String memberId, Instant answeredAt, Map<String, Availability> choices) {
    }

    /**
     * One candidate's count. {@code unanswered} counts the members who answered the poll but not this
     * candidate. {@code rank} is 1 for the best candidate; every candidate has its own rank.
     */
    public record TallyEntry(int rank, String candidateId, Instant start, Instant end, boolean withinPreferredWindow,
            List<String> conflicts, int yes, int ifNeedBe, int no, int unanswered, boolean fixed) {
    }
}
