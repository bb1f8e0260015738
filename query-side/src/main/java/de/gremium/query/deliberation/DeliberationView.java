package de.gremium.query.deliberation;

import de.gremium.events.PolicyField;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The group's deliberation of one draft recommendation: the draft as first put and as it stands now
 * ({@code draft}), every amendment, every objection with its state, the guests' comments, and once closed its
 * outcome. {@code year} is the year the draft was put (Europe/Berlin). {@code version} is the sequence number of
 * the last event applied.
 */
@Document("deliberations")
@CompoundIndexes({
    @CompoundIndex(name = "list", def = "{'status': 1, 'policyFields': 1, 'year': 1, 'putAt': -1}"),
    @CompoundIndex(name = "newest_first", def = "{'putAt': -1, '_id': 1}")
})
public record DeliberationView(
        @Id String id,
        String meetingId,
        String agendaItemId,
        DeliberationStatus status,
        String originalDraft,
        String draft,
        Set<PolicyField> policyFields,
        int year,
        List<String> projectIdeas,
        List<String> problemReports,
        List<String> membersPresent,
        List<String> guestsPresent,
        String putBy,
        Instant putAt,
        List<Amendment> amendments,
        List<Objection> objections,
        List<GuestComment> guestComments,
        Outcome outcome,
        Instant lastChangedAt,
        long version) {

    public enum DeliberationStatus {
        RUNNING,
        CLOSED
    }

    public enum ObjectionState {
        OPEN,
        RESOLVED_BY_AMENDMENT,
        WITHDRAWN
    }

    public enum OutcomeKind {
        CONSENSUS,
        NO_CONSENSUS
    }

    /** The draft's new text and the objections it was meant to resolve. */
    public record Amendment(String text, List<String> resolves, String amendedBy, Instant amendedAt) {
    }

    /**
     * An objection of a member present; {@code endedBy}, {@code endedAt} and {@code note} (a withdrawal's) once it
     * is no longer open.
     */
    public record Objection(String objectionId, String memberId, String reason, Instant raisedAt, ObjectionState state,
            String endedBy, Instant endedAt, String note) {

        Objection ended(ObjectionState to, String by, Instant at, String withNote) {
            return new Objection(objectionId, memberId, reason, raisedAt, to, by, at, withNote);
        }
    }

    public record GuestComment(String guestId, String comment, String recordedBy, Instant commentedAt) {
    }

    /**
     * How the deliberation ended: consensus (with the recommendation it became) or none (with the positions and
     * the objections still open).
     */
    public record Outcome(OutcomeKind kind, String recommendationId, String positions, List<String> openObjections,
            String recordedBy, Instant recordedAt) {
    }
}
