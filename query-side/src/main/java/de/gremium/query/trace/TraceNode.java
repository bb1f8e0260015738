package de.gremium.query.trace;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event that can be part of a recommendation's causal chain, with who, when, why (correlation and
 * causation ids) and the ids it carries. Nodes are written once per event and never changed, so the
 * chain as it stood at any instant is the nodes up to that instant.
 *
 * @param refs    the ids the event carries, by kind: report, idea, meeting, agendaItem, deliberation,
 *                recommendation, objection (later issues add measure, indicator)
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
        String eventType,
        String aggregateId,
        long sequence,
        Instant timestamp,
        String userId,
        String correlationId,
        String causationId,
        Map<String, String> refs,
        Map<String, Object> details) {
}
