package de.gremium.query.scheduling;

import de.gremium.query.api.Rows;
import de.gremium.query.scheduling.SchedulingPollDetail.TallyEntry;
import de.gremium.query.scheduling.SchedulingPollView.Member;
import de.gremium.query.scheduling.SchedulingPollView.PollStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A poll in the list: simple values only. {@code leadingCandidate} is the tally's first (the fixed date once
 * closed is in {@code fixedCandidate}); {@code tally} gives every candidate in rank order as
 * {@code "<candidate>: YES <yes> / IF_NEED_BE <ifNeedBe> / NO <no>"}, joined by ", ". {@code notAnswered} names the
 * members of the group at the poll's opening who gave no answer ({@code "<name> (<memberId>)"}, joined).
 */
public record SchedulingPollRow(String pollId, String meetingId, PollStatus status, String openedBy, Instant openedAt,
        int candidates, int answered, int notAnsweredCount, String notAnswered, String leadingCandidate,
        Instant leadingStart, String tally, String fixedCandidate, Instant fixedStart, Instant lastChangedAt,
        long version) {

    static SchedulingPollRow of(SchedulingPollView poll, List<TallyEntry> tally, List<Member> notAnswered) {
        Optional<TallyEntry> leading = tally.stream().findFirst();
        Optional<SchedulingPollView.FixedDate> fixed = Optional.ofNullable(poll.fixed());
        return new SchedulingPollRow(poll.id(), poll.meetingId(), poll.status(), poll.openedBy(), poll.openedAt(),
                poll.candidates().size(), poll.answers().size(), notAnswered.size(),
                Rows.joined(notAnswered.stream().map(m -> m.name() == null ? m.memberId()
                        : m.name() + " (" + m.memberId() + ")").toList()),
                leading.map(TallyEntry::candidateId).orElse(null), leading.map(TallyEntry::start).orElse(null),
                Rows.joined(tally.stream().map(t -> t.candidateId() + ": YES " + t.yes() + " / IF_NEED_BE "
                        + t.ifNeedBe() + " / NO " + t.no()).toList()),
                fixed.map(SchedulingPollView.FixedDate::candidateId).orElse(null),
                fixed.map(SchedulingPollView.FixedDate::start).orElse(null), poll.lastChangedAt(), poll.version());
    }
}
