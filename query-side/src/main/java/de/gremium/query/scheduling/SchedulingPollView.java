package de.gremium.query.scheduling;

import de.gremium.events.scheduling.Availability;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One scheduling poll: its candidates, every member's current answer, and the fixed date once the
 * coordinator chose one. Answers are lists rather than maps because user ids and candidate ids may
 * contain dots, which MongoDB field names must not. {@code membersAtOpening} are the group's members when the
 * poll was opened, by member id: whom the poll asks. {@code version} is the sequence number of the last event
 * applied.
 */
@Document("scheduling_polls")
public record SchedulingPollView(
        @Id String id,
        String meetingId,
        List<Candidate> candidates,
        List<MemberAnswer> answers,
        PollStatus status,
        String openedBy,
        Instant openedAt,
        List<Member> membersAtOpening,
        FixedDate fixed,
        Instant lastChangedAt,
        long version) {

    public enum PollStatus {
        OPEN,
        CLOSED
    }

    /** A proposed date with what the blocked calendar said about it. */
    public record Candidate(String candidateId, Instant start, Instant end, boolean withinPreferredWindow,
            List<String> conflicts) {
    }

    /** A member's latest answer; candidates it does not name are unanswered. */
    public record MemberAnswer(String memberId, Instant answeredAt, List<Choice> choices) {
    }

    /** A member of the group, with the name they had at the poll's opening. */
    public record Member(String memberId, String name) {
    }

    public record Choice(String candidateId, Availability availability) {
    }

    public record FixedDate(String candidateId, Instant start, Instant end, String fixedBy, Instant fixedAt) {
    }
}
