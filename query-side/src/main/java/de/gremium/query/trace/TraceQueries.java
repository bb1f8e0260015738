package de.gremium.query.trace;

import static de.gremium.query.trace.TraceNodes.AGENDA_ITEM;
import static de.gremium.query.trace.TraceNodes.DELIBERATION;
import static de.gremium.query.trace.TraceNodes.IDEA;
import static de.gremium.query.trace.TraceNodes.MEASURE;
import static de.gremium.query.trace.TraceNodes.MEETING;
import static de.gremium.query.trace.TraceNodes.OBJECTION;
import static de.gremium.query.trace.TraceNodes.RECOMMENDATION;
import static de.gremium.query.trace.TraceNodes.REPORT;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import de.gremium.events.recommendation.FetchRecommendationTrace;
import de.gremium.query.trace.RecommendationTrace.DeliberationPart;
import de.gremium.query.trace.RecommendationTrace.MeetingPart;
import de.gremium.query.trace.RecommendationTrace.Objection;
import de.gremium.query.trace.RecommendationTrace.Step;
import de.gremium.query.trace.RecommendationTrace.Subject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Assembles a recommendation's causal chain from the trace nodes, following only the ids the events
 * carry: recommendation → deliberation, meeting, agenda item, ideas, reports. "As of" an instant is
 * the same walk over the nodes recorded up to that instant.
 */
@Component
class TraceQueries {

    private final MongoTemplate mongo;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    TraceQueries(MongoTemplate mongo) {
        this(mongo, Clock.systemUTC());
    }

    TraceQueries(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @QueryHandler
    Optional<RecommendationTrace> handle(FetchRecommendationTrace query) {
        // the live trace (no asOf) is all the view holds: every node in it has happened, whatever the clock of
        // the node that wrote its event said
        Instant upTo = query.asOf();
        Instant asOf = upTo == null ? clock.instant() : upTo;
        String recommendationId = query.recommendationId().value();
        List<TraceNode> recommendation = nodes(RECOMMENDATION, List.of(recommendationId), upTo);
        Optional<TraceNode> formulated = first(recommendation, "RecommendationFormulated");
        if (formulated.isEmpty()) {
            return Optional.empty();
        }
        TraceNode origin = formulated.get();
        String deliberationId = origin.refs().get(DELIBERATION);
        String meetingId = origin.refs().get(MEETING);
        String agendaItemId = origin.refs().get(AGENDA_ITEM);
        List<String> ideaIds = strings(origin.details().get("projectIdeas"));
        List<String> reportIds = strings(origin.details().get("problemReports"));

        List<String> measureIds = recommendation.stream().filter(n -> "MeasureAdopted".equals(n.eventType()))
                .map(n -> n.refs().get(MEASURE)).toList();
        Map<String, Collection<String>> wanted = new LinkedHashMap<>();
        wanted.put(DELIBERATION, List.of(deliberationId));
        wanted.put(MEETING, List.of(meetingId));
        wanted.put(IDEA, ideaIds);
        wanted.put(REPORT, reportIds);
        wanted.put(MEASURE, measureIds);
        List<TraceNode> related = nodes(wanted, upTo);
        List<TraceNode> deliberation = carrying(related, DELIBERATION, wanted);
        List<TraceNode> meeting = carrying(related, MEETING, wanted);
        List<TraceNode> ideas = carrying(related, IDEA, wanted);
        List<TraceNode> reports = carrying(related, REPORT, wanted);
        List<TraceNode> measures = carrying(related, MEASURE, wanted);

        Map<String, TraceNode> all = new LinkedHashMap<>();
        for (List<TraceNode> part : List.of(reports, ideas, meeting, deliberation, recommendation, measures)) {
            part.forEach(n -> all.putIfAbsent(n.eventId(), n));
        }
        List<Step> chain = all.values().stream()
                .filter(n -> !isOtherAgendaItem(n, agendaItemId))
                .sorted(Comparator.comparing(TraceNode::timestamp).thenComparing(TraceNode::sequence))
                .map(TraceQueries::step).toList();

        return Optional.of(new RecommendationTrace(recommendationId, asOf, status(recommendation),
                String.valueOf(origin.details().get("text")),
                subjects(reports, REPORT, reportIds), subjects(ideas, IDEA, ideaIds),
                meeting.stream().filter(n -> "AgendaItemAdded".equals(n.eventType())
                        && agendaItemId.equals(n.refs().get(AGENDA_ITEM))).findFirst().map(TraceQueries::step).orElse(null),
                meetingPart(meetingId, meeting, agendaItemId),
                deliberationPart(deliberationId, deliberation),
                first(recommendation, "RecommendationSubmitted").map(TraceQueries::step).orElse(null),
                recommendation.stream().filter(n -> "MayorsDecisionRecorded".equals(n.eventType())).map(TraceQueries::step).toList(),
                measureParts(measureIds, measures),
                chain));
    }

    private List<TraceNode> nodes(String kind, Collection<String> ids, Instant upTo) {
        return nodes(Map.of(kind, ids), upTo);
    }

    /**
     * The nodes up to {@code upTo} (all when null) that carry any of the ids, by kind, in one query (an {@code $or} of
     * one indexed condition per kind; the store answers each from its index and joins them), in the
     * order they happened.
     */
    private List<TraceNode> nodes(Map<String, Collection<String>> idsByKind, Instant upTo) {
        List<Criteria> kinds = idsByKind.entrySet().stream().filter(kind -> !kind.getValue().isEmpty())
                .map(kind -> where("refs." + kind.getKey()).in(kind.getValue())).toList();
        if (kinds.isEmpty()) {
            return List.of();
        }
        Criteria carrying = kinds.size() == 1 ? kinds.get(0) : new Criteria().orOperator(kinds);
        Query query = new Query(carrying).with(Sort.by("timestamp", "sequence"));
        if (upTo != null) {
            query.addCriteria(where("timestamp").lte(upTo));
        }
        return mongo.find(query, TraceNode.class);
    }

    /** Those of the nodes that carry one of the wanted ids of this kind, in their order. */
    private static List<TraceNode> carrying(List<TraceNode> nodes, String kind, Map<String, Collection<String>> wanted) {
        Collection<String> ids = wanted.get(kind);
        return nodes.stream().filter(n -> n.refs().get(kind) != null && ids.contains(n.refs().get(kind))).toList();
    }

    private static boolean isOtherAgendaItem(TraceNode node, String agendaItemId) {
        // the meeting's other agenda items (and ideas placed on them) are not part of this chain
        String item = node.refs().get(AGENDA_ITEM);
        return item != null && !item.equals(agendaItemId) && node.refs().get(RECOMMENDATION) == null;
    }

    private static Optional<TraceNode> first(List<TraceNode> nodes, String eventType) {
        return nodes.stream().filter(n -> eventType.equals(n.eventType())).findFirst();
    }

    private static String status(List<TraceNode> recommendation) {
        Optional<TraceNode> decision = recommendation.stream().filter(n -> "MayorsDecisionRecorded".equals(n.eventType()))
                .reduce((a, b) -> b);
        if (decision.isPresent()) {
            return String.valueOf(decision.get().details().get("decision"));
        }
        return first(recommendation, "RecommendationSubmitted").isPresent() ? "SUBMITTED" : "FORMULATED";
    }

    private static List<Subject> subjects(List<TraceNode> nodes, String kind, List<String> ids) {
        List<Subject> subjects = new ArrayList<>();
        for (String id : ids) {
            List<TraceNode> own = nodes.stream().filter(n -> id.equals(n.refs().get(kind))).toList();
            String title = own.stream().map(n -> n.details().get("title")).filter(Objects::nonNull).reduce((a, b) -> b)
                    .map(Object::toString).orElse(null);
            subjects.add(new Subject(id, title, own.stream().map(TraceQueries::step).toList()));
        }
        return subjects;
    }

    private static List<RecommendationTrace.MeasurePart> measureParts(List<String> ids, List<TraceNode> nodes) {
        List<RecommendationTrace.MeasurePart> parts = new ArrayList<>();
        for (String id : ids) {
            List<TraceNode> own = nodes.stream().filter(n -> id.equals(n.refs().get(MEASURE))).toList();
            String title = first(own, "MeasureAdopted").map(n -> String.valueOf(n.details().get("title"))).orElse(null);
            String verdict = own.stream().filter(n -> "MeasureVerdictChanged".equals(n.eventType()))
                    .map(n -> String.valueOf(n.details().get("verdict"))).reduce((a, b) -> b).orElse("NOT_MEASURABLE_YET");
            parts.add(new RecommendationTrace.MeasurePart(id, title, verdict, own.stream().map(TraceQueries::step).toList()));
        }
        return parts;
    }

    private static MeetingPart meetingPart(String meetingId, List<TraceNode> meeting, String agendaItemId) {
        List<TraceNode> own = meeting.stream().filter(n -> meetingId.equals(n.aggregateId())).toList();
        String title = first(own, "MeetingPlanned").map(n -> String.valueOf(n.details().get("title"))).orElse(null);
        Optional<TraceNode> held = first(own, "MeetingHeld");
        List<String> attendees = held.map(n -> strings(n.details().get("attendees"))).orElse(List.of());
        List<String> guests = held.map(n -> strings(n.details().get("guestsPresent"))).orElse(List.of());
        List<Step> history = own.stream().filter(n -> !isOtherAgendaItem(n, agendaItemId)).map(TraceQueries::step).toList();
        return new MeetingPart(meetingId, title, attendees, guests, history);
    }

    private static DeliberationPart deliberationPart(String deliberationId, List<TraceNode> nodes) {
        Map<String, Objection> objections = new LinkedHashMap<>();
        for (TraceNode n : nodes) {
            String objectionId = n.refs().get(OBJECTION);
            if (objectionId == null) {
                continue;
            }
            if ("ObjectionRaised".equals(n.eventType())) {
                objections.put(objectionId, new Objection(objectionId, String.valueOf(n.details().get("memberId")),
                        String.valueOf(n.details().get("reason")), step(n), null));
            } else if (objections.containsKey(objectionId)) {
                Objection raised = objections.get(objectionId);
                objections.put(objectionId, new Objection(objectionId, raised.raisedBy(), raised.reason(), raised.raised(), step(n)));
            }
        }
        return new DeliberationPart(deliberationId,
                first(nodes, "DraftRecommendationPut").map(TraceQueries::step).orElse(null),
                List.copyOf(objections.values()),
                nodes.stream().filter(n -> "DraftAmended".equals(n.eventType())).map(TraceQueries::step).toList(),
                nodes.stream().filter(n -> "GuestCommented".equals(n.eventType())).map(TraceQueries::step).toList(),
                nodes.stream().filter(n -> "ConsensusRecorded".equals(n.eventType()) || "NoConsensusRecorded".equals(n.eventType()))
                        .findFirst().map(TraceQueries::step).orElse(null));
    }

    private static Step step(TraceNode n) {
        return new Step(kindOf(n), n.eventType(), n.eventId(), n.aggregateId(), n.userId(), n.timestamp(), n.correlationId(),
                n.causationId(), n.details());
    }

    private static String kindOf(TraceNode n) {
        String type = n.eventType();
        if (type.startsWith("ProblemReport")) {
            return "problem-report";
        }
        if (type.startsWith("ProjectIdea")) {
            return "project-idea";
        }
        if (type.startsWith("Meeting") || type.startsWith("Agenda") || type.startsWith("Guest")) {
            return type.equals("GuestCommented") ? "deliberation" : "meeting";
        }
        if (type.startsWith("Measure")) {
            return "measure";
        }
        if (type.startsWith("Recommendation") || type.startsWith("Mayors")) {
            return "recommendation";
        }
        return "deliberation";
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? ((List<Object>) list).stream().map(String::valueOf).toList() : List.of();
    }
}
