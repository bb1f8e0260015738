package de.gremium.query.trace;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A recommendation's complete causal chain as it stood at {@code asOf}: the problem reports and
 * project ideas behind it, the agenda item, the meeting with attendance, every objection and how it
 * ended, the consensus, the submission and the decision. Every step names the event behind it, who
 * and when, and the event or command that caused it.
 */
public record RecommendationTrace(
        String recommendationId,
        Instant asOf,
        String status,
        String text,
        List<Subject> problemReports,
        List<Subject> projectIdeas,
        Step agendaItem,
        MeetingPart meeting,
        DeliberationPart deliberation,
        Step submission,
        List<Step> decisions,
        List<MeasurePart> measures,
        List<Step> chain) {

    /** One link: the event, who caused it, when, and why (correlation and causation ids). */
    public record Step(String kind, String eventType, String eventId, String aggregateId, String by, Instant at,
            String correlationId, String causationId, Map<String, Object> details) {
    }

    /**
     * A problem report or project idea the recommendation answers, with its own history up to asOf: for a report, also
     * the details its author added and every solution proposal (details {@code proposalId}, {@code proposal},
     * {@code proposedBy}), one of which may be what the group recommended.
     */
    public record Subject(String id, String title, List<Step> history) {
    }

    public record MeetingPart(String meetingId, String title, List<String> attendees, List<String> guestsPresent,
            List<Step> history) {
    }

    public record Objection(String objectionId, String raisedBy, String reason, Step raised, Step ended) {
    }

    /** A measure adopted after the recommendation, and every change of the monitoring's verdict on it. */
    public record MeasurePart(String measureId, String title, String verdict, List<Step> history) {
    }

    public record DeliberationPart(String deliberationId, Step draft, List<Objection> objections, List<Step> amendments,
            List<Step> guestComments, Step conclusion) {
    }
}
