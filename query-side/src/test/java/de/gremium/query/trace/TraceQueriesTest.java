package de.gremium.query.trace;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.events.PolicyField;
import de.gremium.events.consensus.ConsensusRecorded;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.consensus.DraftRecommendationPut;
import de.gremium.events.consensus.ObjectionId;
import de.gremium.events.consensus.ObjectionRaised;
import de.gremium.events.consensus.ObjectionWithdrawn;
import de.gremium.events.group.MemberId;
import de.gremium.events.meeting.AgendaItemAdded;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.AgendaTopic;
import de.gremium.events.meeting.AgendaTopicKind;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.monitoring.Direction;
import de.gremium.events.monitoring.IndicatorId;
import de.gremium.events.monitoring.MeasureAdopted;
import de.gremium.events.monitoring.MeasureId;
import de.gremium.events.monitoring.MeasureTarget;
import de.gremium.events.monitoring.MeasureVerdict;
import de.gremium.events.monitoring.MeasureVerdictChanged;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.events.recommendation.FetchRecommendationTrace;
import de.gremium.events.recommendation.RecommendationFormulated;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.query.ViewStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The trace assembled from nodes, following only the ids the events carry; as-of by timestamp. */
class TraceQueriesTest {

    private static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");
    private static final MeetingId MEETING = new MeetingId("regular-2026-Q4");
    private static final AgendaItemId ITEM = new AgendaItemId("a-1");
    private static final AgendaItemId OTHER_ITEM = new AgendaItemId("a-2");
    private static final DeliberationId DELIBERATION = new DeliberationId("d-1");
    private static final RecommendationId RECOMMENDATION = new RecommendationId("rec-1");
    private static final MeasureId MEASURE = new MeasureId("m-1");
    private static final ProblemReportId REPORT = new ProblemReportId("r-1");
    private static final MemberId ANNA = new MemberId("anna.amt50");
    private static final MemberId JONAS = new MemberId("jonas.fb32");

    private ViewStore store;
    private TraceProjection projection;
    private TraceQueries queries;
    private int sequence;

    @BeforeEach
    void setUp() {
        store = ViewStore.open();
        projection = new TraceProjection(store.mongo());
        queries = new TraceQueries(store.mongo());
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private String feed(String aggregateId, Object payload, Instant at, String user, String causationId) {
        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>("Agg", aggregateId, sequence++, payload,
                MetaData.with("userId", user).and("correlationId", "c-1").and("causationId", causationId),
                java.util.UUID.randomUUID().toString(), at);
        projection.on(payload, message);
        return message.getIdentifier();
    }

    private void recordTheWholeStory() {
        feed("r-1", new ProblemReportSubmitted(new ProblemReportId("r-1"), "Sprachkurse ausgebucht", "d", "Amt 50",
                Set.of(PolicyField.LANGUAGE), "anna.amt50", T0), T0, "anna.amt50", "cmd-1");
        feed("r-9", new ProblemReportSubmitted(new ProblemReportId("r-9"), "Nicht Teil der Empfehlung", "d", "Amt 50",
                Set.of(PolicyField.SPORT), "anna.amt50", T0), T0, "anna.amt50", "cmd-9");
        feed(MEETING.value(), new AgendaItemAdded(MEETING, ITEM, new AgendaTopic(AgendaTopicKind.PROBLEM_REPORT, "r-1", "Sprachkurse"),
                0, "koordinator", T0.plusSeconds(10)), T0.plusSeconds(10), "koordinator", "cmd-2");
        feed(MEETING.value(), new AgendaItemAdded(MEETING, OTHER_ITEM, new AgendaTopic(AgendaTopicKind.FREE, null, "Verschiedenes"),
                1, "koordinator", T0.plusSeconds(11)), T0.plusSeconds(11), "koordinator", "cmd-3");
        feed(MEETING.value(), new MeetingHeld(MEETING, List.of(ANNA, JONAS), List.of(), "Protokoll", List.of(), "koordinator",
                T0.plusSeconds(100)), T0.plusSeconds(100), "koordinator", "cmd-4");
        feed(DELIBERATION.value(), new DraftRecommendationPut(DELIBERATION, MEETING, ITEM, "Entwurf", Set.of(PolicyField.LANGUAGE),
                List.of(), List.of(REPORT), List.of(ANNA, JONAS), List.of(), "koordinator", T0.plusSeconds(200)),
                T0.plusSeconds(200), "koordinator", "cmd-5");
        feed(DELIBERATION.value(), new ObjectionRaised(DELIBERATION, new ObjectionId("o-1"), JONAS, "zu teuer", T0.plusSeconds(210)),
                T0.plusSeconds(210), "jonas.fb32", "cmd-6");
        feed(DELIBERATION.value(), new ObjectionWithdrawn(DELIBERATION, new ObjectionId("o-1"), JONAS, "überzeugt",
                T0.plusSeconds(220)), T0.plusSeconds(220), "jonas.fb32", "cmd-7");
        String consensus = feed(DELIBERATION.value(), new ConsensusRecorded(DELIBERATION, RECOMMENDATION, MEETING, ITEM,
                "Entwurf", Set.of(PolicyField.LANGUAGE), List.of(), List.of(REPORT), List.of(ANNA, JONAS), "koordinator",
                T0.plusSeconds(230)), T0.plusSeconds(230), "koordinator", "cmd-8");
        feed(RECOMMENDATION.value(), new RecommendationFormulated(RECOMMENDATION, DELIBERATION, MEETING, ITEM, "Entwurf",
                Set.of(PolicyField.LANGUAGE), List.of(), List.of(REPORT), "koordinator", T0.plusSeconds(230)),
                T0.plusSeconds(231), "koordinator", consensus);
        feed(MEASURE.value(), new MeasureAdopted(MEASURE, RECOMMENDATION, "Zusätzliche Sprachkurse",
                List.of(new MeasureTarget(new IndicatorId("SPR-01"), Map.of(), new BigDecimal("40"), "2025", new BigDecimal("60"),
                        LocalDate.of(2028, 12, 31), Direction.INCREASE)), "koordinator", T0.plusSeconds(300)),
                T0.plusSeconds(300), "koordinator", "cmd-10");
        feed(MEASURE.value(), new MeasureVerdictChanged(MEASURE, MeasureVerdict.ON_TRACK, MeasureVerdict.NOT_MEASURABLE_YET,
                "SPR-01 2026: 48", "system", T0.plusSeconds(400)), T0.plusSeconds(400), "koordinator", "obs-event-1");
    }

    @Test
    void theTraceFollowsTheIdsFromTheRecommendationBackToTheReportAndForwardToTheMeasuresVerdict() {
        recordTheWholeStory();

        RecommendationTrace trace = queries.handle(new FetchRecommendationTrace(RECOMMENDATION, null)).orElseThrow();
        assertThat(trace.problemReports()).extracting(RecommendationTrace.Subject::id).containsExactly("r-1");
        assertThat(trace.problemReports().get(0).title()).isEqualTo("Sprachkurse ausgebucht");
        assertThat(trace.agendaItem().details()).containsEntry("topicReference", "r-1");
        assertThat(trace.meeting().attendees()).containsExactly("anna.amt50", "jonas.fb32");
        assertThat(trace.deliberation().objections()).singleElement().satisfies(o -> {
            assertThat(o.raisedBy()).isEqualTo("jonas.fb32");
            assertThat(o.ended().details()).containsEntry("outcome", "WITHDRAWN");
        });
        assertThat(trace.deliberation().conclusion().eventType()).isEqualTo("ConsensusRecorded");
        assertThat(trace.measures()).singleElement().satisfies(m -> {
            assertThat(m.title()).isEqualTo("Zusätzliche Sprachkurse");
            assertThat(m.verdict()).isEqualTo("ON_TRACK");
        });
        assertThat(trace.chain()).extracting(RecommendationTrace.Step::eventType)
                .doesNotContain("AgendaItemAdded x")
                .filteredOn(type -> type.equals("AgendaItemAdded")).hasSize(1);
        assertThat(trace.chain().toString()).doesNotContain("Nicht Teil der Empfehlung", "Verschiedenes");
        RecommendationTrace.Step formulated = trace.chain().stream()
                .filter(s -> s.eventType().equals("RecommendationFormulated")).findFirst().orElseThrow();
        assertThat(formulated.causationId()).isEqualTo(trace.deliberation().conclusion().eventId());
    }

    @Test
    void asOfAnInstantTheTraceShowsOnlyWhatHadHappenedByThen() {
        recordTheWholeStory();

        RecommendationTrace before = queries.handle(new FetchRecommendationTrace(RECOMMENDATION, T0.plusSeconds(350))).orElseThrow();
        assertThat(before.measures()).singleElement().satisfies(m -> assertThat(m.verdict()).isEqualTo("NOT_MEASURABLE_YET"));
        assertThat(queries.handle(new FetchRecommendationTrace(RECOMMENDATION, T0.plusSeconds(230)))).isEmpty();
    }

    @Test
    void aRedeliveredEventAddsNoSecondNode() {
        ProblemReportSubmitted submitted = new ProblemReportSubmitted(new ProblemReportId("r-1"), "t", "d", "Amt 50",
                Set.of(PolicyField.LANGUAGE), "anna.amt50", T0);
        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>("Agg", "r-1", 0, submitted,
                MetaData.with("userId", "anna.amt50"), "event-1", T0);
        projection.on(submitted, message);
        projection.on(submitted, message);
        assertThat(store.mongo().count(new org.springframework.data.mongodb.core.query.Query(), TraceNode.class)).isEqualTo(1);
    }
}
