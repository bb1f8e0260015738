package de.gremium.query.trace;

import static de.gremium.query.trace.TraceLinks.AGENDA_ITEM;
import static de.gremium.query.trace.TraceLinks.DELIBERATION;
import static de.gremium.query.trace.TraceLinks.IDEA;
import static de.gremium.query.trace.TraceLinks.MEASURE;
import static de.gremium.query.trace.TraceLinks.MEETING;
import static de.gremium.query.trace.TraceLinks.OBJECTION;
import static de.gremium.query.trace.TraceLinks.RECOMMENDATION;
import static de.gremium.query.trace.TraceLinks.REPORT;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import de.gremium.events.recommendation.FetchRecommendationTrace;
import de.gremium.query.trace.RecommendationTrace.DeliberationPart;
import de.gremium.query.trace.RecommendationTrace.MeetingPart;
import de.gremium.query.trace.RecommendationTrace.Objection;
import de.gremium.query.trace.RecommendationTrace.Step;
import de.gremium.query.trace.RecommendationTrace.Subject;
import de.gremium.query.trace.TraceStep.Aggregate;
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
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Assembles a recommendation's causal chain from the trace nodes, following only the ids the events
 * link to: recommendation → deliberation, meeting, agenda item, ideas, reports. "As of" an instant is
 * the same walk over the nodes recorded up to that instant. Nodes are told apart by their {@link TraceStep}.
 */
@Component
class TraceQueries {

    /** How an objection can end. */
    private static final Set<TraceStep> ENDINGS = Set.of(TraceStep.OBJECTION_RESOLVED, TraceStep.OBJECTION_WITHDRAWN);

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
        List<TraceNode> recommendation = nodes(Map.of(RECOMMENDATION, List.of(recommendationId)), upTo);
        Optional<TraceNode> formulated = first(recommendation, TraceStep.RECOMMENDATION_FORMULATED);
        if (formulated.isEmpty()) {
            return Optional.empty();
        }
        TraceNode origin = formulated.get();
        String deliberationId = origin.ref(DELIBERATION);
        String meetingId = origin.ref(MEETING);
        String agendaItemId = origin.ref(AGENDA_ITEM);
        List<String> ideaIds = origin.refs(IDEA);
        List<String> reportIds = origin.refs(REPORT);

        List<String> measureIds = all(recommendation, TraceStep.MEASURE_ADOPTED).map(n -> n.ref(MEASURE)).toList();
        Map<String, Collection<String>> wanted = new LinkedHashMap<>();
        wanted.put(DELIBERATION, List.of(deliberationId));
        wanted.put(MEETING, List.of(meetingId));
        wanted.put(IDEA, ideaIds);
        wanted.put(REPORT, reportIds);
        wanted.put(MEASURE, measureIds);
        List<TraceNode> related = nodes(wanted, upTo);
        List<TraceNode> deliberation = linking(related, DELIBERATION, wanted.get(DELIBERATION));
        List<TraceNode> meeting = linking(related, MEETING, wanted.get(MEETING));
        List<TraceNode> ideas = history(related, Aggregate.PROJECT_IDEA, IDEA, ideaIds);
        List<TraceNode> reports = history(related, Aggregate.PROBLEM_REPORT, REPORT, reportIds);
        List<TraceNode> measures = history(related, Aggregate.MEASURE, MEASURE, measureIds);

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
                all(meeting, TraceStep.AGENDA_ITEM_ADDED).filter(n -> agendaItemId.equals(n.ref(AGENDA_ITEM))).findFirst()
                        .map(TraceQueries::step).orElse(null),
                meetingPart(meetingId, history(meeting, Aggregate.MEETING, MEETING, List.of(meetingId)), agendaItemId),
                deliberationPart(deliberationId, deliberation),
                first(recommendation, TraceStep.RECOMMENDATION_SUBMITTED).map(TraceQueries::step).orElse(null),
                all(recommendation, TraceStep.MAYORS_DECISION_RECORDED).map(TraceQueries::step).toList(),
                measureParts(measureIds, measures),
                chain));
    }

    /**
     * The nodes up to {@code upTo} (all when null) that link to any of the ids, by kind, in one query (an {@code $or}
     * of one indexed condition per kind; the store answers each from its index and joins them), in the order they
     * happened.
     */
    private List<TraceNode> nodes(Map<String, Collection<String>> idsByKind, Instant upTo) {
        List<Criteria> kinds = idsByKind.entrySet().stream().filter(kind -> !kind.getValue().isEmpty())
                .map(kind -> where("refs." + kind.getKey()).in(kind.getValue())).toList();
        if (kinds.isEmpty()) {
            return List.of();
        }
        Criteria linking = kinds.size() == 1 ? kinds.get(0) : new Criteria().orOperator(kinds);
        Query query = new Query(linking).with(Sort.by("timestamp", "sequence"));
        if (upTo != null) {
            query.addCriteria(where("timestamp").lte(upTo));
        }
        return mongo.find(query, TraceNode.class);
    }

    /** Those of the nodes that link to one of these ids of this kind, in their order. */
    private static List<TraceNode> linking(List<TraceNode> nodes, String kind, Collection<String> ids) {
        return nodes.stream().filter(n -> n.linksTo(kind, ids)).toList();
    }

    /**
     * The events of these aggregates, in their order: of the nodes linking to them, those that happened to them (a
     * draft that answers a report links to it, but is no step of the report's history).
     */
    private static List<TraceNode> history(List<TraceNode> nodes, Aggregate aggregate, String kind, Collection<String> ids) {
        return linking(nodes, kind, ids).stream().filter(n -> n.step().aggregate() == aggregate).toList();
    }

    private static boolean isOtherAgendaItem(TraceNode node, String agendaItemId) {
        // the meeting's other agenda items, and what was placed on, deliberated or recommended on them, are not part of
        // this chain
        String item = node.ref(AGENDA_ITEM);
        return item != null && !item.equals(agendaItemId);
    }

    private static Optional<TraceNode> first(List<TraceNode> nodes, TraceStep step) {
        return all(nodes, step).findFirst();
    }

    private static Stream<TraceNode> all(List<TraceNode> nodes, TraceStep... steps) {
        Set<TraceStep> wanted = Set.of(steps);
        return nodes.stream().filter(n -> wanted.contains(n.step()));
    }

    private static String status(List<TraceNode> recommendation) {
        Optional<TraceNode> decision = all(recommendation, TraceStep.MAYORS_DECISION_RECORDED).reduce((a, b) -> b);
        if (decision.isPresent()) {
            return String.valueOf(decision.get().details().get("decision"));
        }
        return first(recommendation, TraceStep.RECOMMENDATION_SUBMITTED).isPresent() ? "SUBMITTED" : "FORMULATED";
    }

    private static List<Subject> subjects(List<TraceNode> nodes, String kind, List<String> ids) {
        List<Subject> subjects = new ArrayList<>();
        for (String id : ids) {
            List<TraceNode> own = linking(nodes, kind, List.of(id));
            String title = own.stream().map(n -> n.details().get("title")).filter(Objects::nonNull).reduce((a, b) -> b)
                    .map(Object::toString).orElse(null);
            subjects.add(new Subject(id, title, own.stream().map(TraceQueries::step).toList()));
        }
        return subjects;
    }

    private static List<RecommendationTrace.MeasurePart> measureParts(List<String> ids, List<TraceNode> nodes) {
        List<RecommendationTrace.MeasurePart> parts = new ArrayList<>();
        for (String id : ids) {
            List<TraceNode> own = linking(nodes, MEASURE, List.of(id));
            String title = first(own, TraceStep.MEASURE_ADOPTED).map(n -> String.valueOf(n.details().get("title"))).orElse(null);
            String verdict = all(own, TraceStep.MEASURE_VERDICT_CHANGED).map(n -> String.valueOf(n.details().get("verdict")))
                    .reduce((a, b) -> b).orElse("NOT_MEASURABLE_YET");
            parts.add(new RecommendationTrace.MeasurePart(id, title, verdict, own.stream().map(TraceQueries::step).toList()));
        }
        return parts;
    }

    private static MeetingPart meetingPart(String meetingId, List<TraceNode> own, String agendaItemId) {
        String title = first(own, TraceStep.MEETING_PLANNED).map(n -> String.valueOf(n.details().get("title"))).orElse(null);
        Optional<TraceNode> held = first(own, TraceStep.MEETING_HELD);
        List<String> attendees = held.map(n -> strings(n.details().get("attendees"))).orElse(List.of());
        List<String> guests = held.map(n -> strings(n.details().get("guestsPresent"))).orElse(List.of());
        List<Step> history = own.stream().filter(n -> !isOtherAgendaItem(n, agendaItemId)).map(TraceQueries::step).toList();
        return new MeetingPart(meetingId, title, attendees, guests, history);
    }

    private static DeliberationPart deliberationPart(String deliberationId, List<TraceNode> nodes) {
        Map<String, Objection> objections = new LinkedHashMap<>();
        for (TraceNode n : nodes) {
            String objectionId = n.ref(OBJECTION);
            if (n.step() == TraceStep.OBJECTION_RAISED) {
                objections.put(objectionId, new Objection(objectionId, String.valueOf(n.details().get("memberId")),
                        String.valueOf(n.details().get("reason")), step(n), null));
            } else if (ENDINGS.contains(n.step()) && objections.containsKey(objectionId)) {
                Objection raised = objections.get(objectionId);
                objections.put(objectionId, new Objection(objectionId, raised.raisedBy(), raised.reason(), raised.raised(), step(n)));
            }
        }
        return new DeliberationPart(deliberationId,
                first(nodes, TraceStep.DRAFT_PUT).map(TraceQueries::step).orElse(null),
                List.copyOf(objections.values()),
                all(nodes, TraceStep.DRAFT_AMENDED).map(TraceQueries::step).toList(),
                all(nodes, TraceStep.GUEST_COMMENTED).map(TraceQueries::step).toList(),
                all(nodes, TraceStep.CONSENSUS_RECORDED, TraceStep.NO_CONSENSUS_RECORDED).findFirst()
                        .map(TraceQueries::step).orElse(null));
    }

    private static Step step(TraceNode n) {
        return new Step(n.step().aggregate().kind(), n.step().eventType(), n.eventId(), n.aggregateId(), n.userId(),
                n.timestamp(), n.correlationId(), n.causationId(), n.details());
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? ((List<Object>) list).stream().map(String::valueOf).toList() : List.of();
    }
}
