package de.gremium.command.scheduling;

import static de.gremium.platform.refusal.Refusal.conflict;
import static de.gremium.platform.refusal.Refusal.invalid;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.gremium.events.meeting.MeetingId;
import de.gremium.events.scheduling.AnswerSchedulingPoll;
import de.gremium.events.scheduling.CandidateSlot;
import de.gremium.events.scheduling.FixMeetingDate;
import de.gremium.events.scheduling.MeetingDateFixed;
import de.gremium.events.scheduling.OpenSchedulingPoll;
import de.gremium.events.scheduling.SchedulingPollAnswered;
import de.gremium.events.scheduling.SchedulingPollId;
import de.gremium.events.scheduling.SchedulingPollOpened;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** Joint scheduling: candidate dates for a meeting, the members' answers, the coordinator's choice. */
@Aggregate(cache = "aggregateCache")
public class SchedulingPoll {

    static final int MAX_CANDIDATES = 40;

    @AggregateIdentifier
    private SchedulingPollId pollId;
    private MeetingId meetingId;
    private final Map<String, CandidateSlot> candidates = new LinkedHashMap<>();
    private boolean closed;

    protected SchedulingPoll() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public SchedulingPoll(OpenSchedulingPoll command) {
        if (command.meetingId() == null) {
            throw invalid("meetingId", "a poll is for one meeting");
        }
        if (command.candidates() == null || command.candidates().isEmpty()) {
            throw invalid("candidates", "a poll needs at least one candidate date (none is left after the blocked calendar?)");
        }
        if (command.candidates().size() > MAX_CANDIDATES) {
            throw invalid("candidates", "at most " + MAX_CANDIDATES + " candidates");
        }
        Set<String> ids = new HashSet<>();
        for (CandidateSlot candidate : command.candidates()) {
            if (!ids.add(candidate.candidateId())) {
                throw invalid("candidates", "candidate " + candidate.candidateId() + " is listed twice");
            }
            if (!candidate.end().isAfter(candidate.start())) {
                throw invalid("candidates", "candidate " + candidate.candidateId() + " ends before it starts");
            }
        }
        answersDueInTime(command);
        apply(new SchedulingPollOpened(command.pollId(), command.meetingId(), command.candidates(), command.openedBy(),
                command.openedAt(), command.answersDueBy()));
    }

    @CommandHandler
    void handle(AnswerSchedulingPoll command) {
        requireOpen();
        if (command.answers() == null || command.answers().isEmpty()) {
            throw invalid("answers", "answer at least one candidate");
        }
        for (Map.Entry<String, ?> answer : command.answers().entrySet()) {
            if (!candidates.containsKey(answer.getKey())) {
                throw invalid("answers", "'" + answer.getKey() + "' is not a candidate of this poll; candidates: "
                        + candidates.keySet());
            }
            if (answer.getValue() == null) {
                throw invalid("answers", "answer YES, IF_NEED_BE or NO for " + answer.getKey());
            }
        }
        apply(new SchedulingPollAnswered(pollId, command.memberId(), command.answers(), command.answeredAt()));
    }

    @CommandHandler
    void handle(FixMeetingDate command) {
        requireOpen();
        CandidateSlot chosen = candidates.get(command.candidateId());
        if (chosen == null) {
            throw invalid("candidateId", "'" + command.candidateId() + "' is not a candidate of this poll");
        }
        apply(new MeetingDateFixed(pollId, meetingId, chosen.candidateId(), chosen.start(), chosen.end(),
                command.fixedBy(), command.fixedAt()));
    }

    /**
     * The answers are due after the poll opens and before the first candidate starts (else the reminder would come
     * too late to matter, or the date would be fixed after it passed).
     */
    private static void answersDueInTime(OpenSchedulingPoll command) {
        Instant due = command.answersDueBy();
        if (due == null) {
            return;
        }
        if (!due.isAfter(command.openedAt())) {
            throw invalid("answersDueBy", "answersDueBy must lie in the future (the poll opens at " + command.openedAt() + ")");
        }
        Instant firstStart = command.candidates().stream().map(CandidateSlot::start).min(Instant::compareTo).orElseThrow();
        if (!due.isBefore(firstStart)) {
            throw invalid("answersDueBy", "answersDueBy must lie before the first candidate starts (" + firstStart + ")");
        }
    }

    private void requireOpen() {
        if (closed) {
            throw conflict("The poll is closed: the date was fixed.");
        }
    }

    /** The meeting this poll is for (the edge checks the meeting still has no date before fixing one). */
    public MeetingId meetingId() {
        return meetingId;
    }

    @EventSourcingHandler
    void on(SchedulingPollOpened event) {
        pollId = event.pollId();
        meetingId = event.meetingId();
        event.candidates().forEach(c -> candidates.put(c.candidateId(), c));
    }

    @EventSourcingHandler
    void on(MeetingDateFixed event) {
        closed = true;
    }
}
