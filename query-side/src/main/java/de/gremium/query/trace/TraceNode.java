package de.gremium.query.trace;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event that can be part of a recommendation's causal chain, with who, when, why (correlation and
 * causation ids) and the ids it links to. Nodes are written once per event and never changed, so the
 * chain as it stood at any instant is the nodes up to that instant.
 *
 * @param step    what the event was, stored by the constant's name (never the event's class name)
 * @param refs    the ids the event links to, by kind ({@link TraceLinks}: report, idea, meeting, agendaItem,
 *                deliberation, objection, recommendation, measure, proposal), its own aggregate's id included
 * @param details the values a reader of the trace needs (title, text, reason, attendance, decision …)
 */
@Document("trace_nodes")
@CompoundIndexes({
    @CompoundIndex(name = "by_recommendation", def = "{'refs.recommendation': 1, 'timestamp': 1}"),
    @CompoundIndex(name = "by_deliberation", def = "{'refs.deliberation': 1, 'timestamp': 1}"),
    @CompoundIndex(name = "by_meeting", def = "{'refs.meeting': 1, 'timestamp': 1}"),
    @CompoundIndex(name = "by_idea", def = "{'refs.idea': 1, 'timestamp': 1}"),
    @CompoundIndex(name = "by_report", def = "{'refs.report': 1, 'timestamp': 1}"),
    @CompoundIndex(name = "by_measure", def = "{'refs.measure': 1, 'timestamp': 1}")
})
public record TraceNode(
        @Id String eventId,
        TraceStep step,
        String aggregateId,
        long sequence,
        Instant timestamp,
        String userId,
        String correlationId,
        String causationId,
        Map<String, List<String>> refs,
        Map<String, Object> details) {

    /** The ids of one kind the node links to; empty if none. */
    List<String> refs(String kind) {
        return refs.getOrDefault(kind, List.of());
    }

    /** The first id of one kind the node links to, or null. */
    String ref(String kind) {
        List<String> ids = refs(kind);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** Whether the node links to any of these ids of one kind. */
    boolean linksTo(String kind, Collection<String> ids) {
        return refs(kind).stream().anyMatch(ids::contains);
    }
}
