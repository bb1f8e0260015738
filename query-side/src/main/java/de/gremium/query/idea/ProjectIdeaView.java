package de.gremium.query.idea;

import de.gremium.events.PolicyField;
import de.gremium.events.idea.ProjectIdeaStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One project idea with its way through the group's meetings. {@code currentMeetingId} is the
 * meeting of the latest agenda placement; {@code recommendationIds} name the recommendations to the
 * Lord Mayor that answer the idea. {@code version} is the sequence number of the last event
 * applied: handlers only apply newer events, and clients send it back as {@code If-Match}.
 */
@Document("project_ideas")
@CompoundIndexes({
    @CompoundIndex(name = "list", def = "{'status': 1, 'policyFields': 1, 'proposedAt': -1}"),
    // the list's order: a page is read from the index instead of sorting every idea
    @CompoundIndex(name = "newest_first", def = "{'proposedAt': -1, '_id': 1}")
})
public record ProjectIdeaView(
        @Id String id,
        String title,
        String description,
        Set<PolicyField> policyFields,
        ProjectIdeaStatus status,
        String proposedBy,
        Instant proposedAt,
        List<Placement> agendaPlacements,
        String currentMeetingId,
        List<Discussion> discussions,
        List<String> recommendationIds,
        Closure closure,
        List<Step> history,
        Instant lastChangedAt,
        long version) {

    /** The idea was put on the agenda of a meeting. */
    public record Placement(String meetingId, String agendaItemId, String placedBy, Instant placedAt) {
    }

    /** A meeting that carried the idea was held. */
    public record Discussion(String meetingId, String recordedBy, Instant discussedAt) {
    }

    /** Why the idea left the way (SHELVED or WITHDRAWN). */
    public record Closure(ProjectIdeaStatus status, String reason, String closedBy, Instant closedAt) {
    }

    /**
     * One event in the idea's life, oldest first: who, when, which meeting, and a note where the event
     * has one (the reason of a shelving or withdrawal, the id of a recommendation).
     */
    public record Step(StepKind kind, String actor, Instant at, String meetingId, String note) {
    }

    public enum StepKind {
        PROPOSED,
        REVISED,
        PLACED_ON_AGENDA,
        DISCUSSED,
        RECOMMENDED,
        SHELVED,
        WITHDRAWN
    }
}
