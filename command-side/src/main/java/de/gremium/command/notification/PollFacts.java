package de.gremium.command.notification;

import de.gremium.events.group.MemberId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.scheduling.CandidateSlot;
import de.gremium.events.scheduling.MeetingDateFixed;
import de.gremium.events.scheduling.SchedulingPollAnswered;
import de.gremium.events.scheduling.SchedulingPollId;
import de.gremium.events.scheduling.SchedulingPollOpened;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A scheduling poll as the notifier needs it, folded from its stream: candidates, deadline, who answered, fixed or not. */
record PollFacts(SchedulingPollId pollId, MeetingId meetingId, List<CandidateSlot> candidates, Instant answersDueBy,
        Set<MemberId> answered, boolean fixed) {

    static PollFacts of(List<Object> events) {
        SchedulingPollId pollId = null;
        MeetingId meetingId = null;
        List<CandidateSlot> candidates = List.of();
        Instant answersDueBy = null;
        Set<MemberId> answered = new HashSet<>();
        boolean fixed = false;
        for (Object event : events) {
            if (event instanceof SchedulingPollOpened opened) {
                pollId = opened.pollId();
                meetingId = opened.meetingId();
                candidates = opened.candidates();
                answersDueBy = opened.answersDueBy();
            } else if (event instanceof SchedulingPollAnswered answer) {
                answered.add(answer.memberId());
            } else if (event instanceof MeetingDateFixed) {
                fixed = true;
            }
        }
        return new PollFacts(pollId, meetingId, candidates, answersDueBy, Set.copyOf(answered), fixed);
    }

    boolean exists() {
        return pollId != null;
    }
}
