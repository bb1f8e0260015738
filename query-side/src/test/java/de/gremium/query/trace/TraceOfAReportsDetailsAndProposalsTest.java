package de.gremium.query.trace;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.events.PolicyField;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.problem.ProblemReportAddressed;
import de.gremium.events.problem.ProblemReportDetailsAdded;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.events.problem.SolutionProposalId;
import de.gremium.events.problem.SolutionProposed;
import de.gremium.events.recommendation.FetchRecommendationTrace;
import de.gremium.events.recommendation.RecommendationFormulated;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.query.ViewStore;
import de.gremium.query.trace.RecommendationTrace.Step;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A report whose author added details and to which two members proposed solutions, one of which the group then
 * recommended: the trace shows the details and the proposals as steps of the report, with who and when, and the
 * proposal's own id as a typed link.
 */
class TraceOfAReportsDetailsAndProposalsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final ProblemReportId REPORT = new ProblemReportId("r-1");
    private static final RecommendationId RECOMMENDATION = new RecommendationId("rec-1");

    private ViewStore store;
    private TraceProjection projection;
    private TraceQueries queries;
    private int events;

    @BeforeEach
    void setUp() {
        store = ViewStore.open();
        projection = new TraceProjection(store.mongo());
        queries = new TraceQueries(store.mongo(), Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC));
        event(REPORT.value(), 0, new ProblemReportSubmitted(REPORT, "Sprachkurse ausgebucht", "Wartezeit sechs Monate",
                "Amt 50", Set.of(PolicyField.LANGUAGE), "anna.amt50", at(0)), "anna.amt50");
        event(REPORT.value(), 1, new ProblemReportDetailsAdded(REPORT, "Auch die Abendkurse sind voll.", "anna.amt50",
                at(100)), "anna.amt50");
        event(REPORT.value(), 2, new SolutionProposed(REPORT, new SolutionProposalId("p-1"), "Kurse mit Kinderbetreuung",
                "jonas.fb32", at(200)), "jonas.fb32");
        event(REPORT.value(), 3, new SolutionProposed(REPORT, new SolutionProposalId("p-2"), "Mehr Lehrkräfte", "koordinator",
                at(300)), "koordinator");
        event(RECOMMENDATION.value(), 0, new RecommendationFormulated(RECOMMENDATION, new DeliberationId("d-1"),
                new MeetingId("regular-2026-Q2"), new AgendaItemId("a-1"), "Kurse mit Kinderbetreuung",
                Set.of(PolicyField.LANGUAGE), List.of(), List.of(REPORT), "koordinator", at(400)), "koordinator");
        event(REPORT.value(), 4, new ProblemReportAddressed(REPORT, RECOMMENDATION, "koordinator", at(400)), "koordinator");
        event(REPORT.value(), 5, new ProblemReportDetailsAdded(REPORT, "Nachtrag nach der Empfehlung", "anna.amt50",
                at(500)), "anna.amt50");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void theReportsHistoryShowsItsAddedDetailsAndSolutionProposalsWithWhoAndWhen() {
        RecommendationTrace trace = trace(null);

        List<Step> history = trace.problemReports().get(0).history();
        assertThat(history).extracting(Step::eventType).containsExactly("ProblemReportSubmitted",
                "ProblemReportDetailsAdded", "SolutionProposed", "SolutionProposed", "ProblemReportAddressed",
                "ProblemReportDetailsAdded");
        Step details = history.get(1);
        assertThat(details.by()).isEqualTo("anna.amt50");
        assertThat(details.at()).isEqualTo(at(100));
        assertThat(details.kind()).isEqualTo("problem-report");
        assertThat(details.details()).containsEntry("details", "Auch die Abendkurse sind voll.")
                .containsEntry("addedBy", "anna.amt50");
        Step proposal = history.get(2);
        assertThat(proposal.by()).isEqualTo("jonas.fb32");
        assertThat(proposal.at()).isEqualTo(at(200));
        assertThat(proposal.details()).containsEntry("proposalId", "p-1").containsEntry("proposal", "Kurse mit Kinderbetreuung")
                .containsEntry("proposedBy", "jonas.fb32");
        assertThat(history.get(3).details()).containsEntry("proposalId", "p-2").containsEntry("proposedBy", "koordinator");
    }

    @Test
    void theDetailsAndProposalsAreStepsOfTheWholeChainInTheOrderTheyHappened() {
        assertThat(trace(null).chain()).extracting(Step::eventType).containsExactly("ProblemReportSubmitted",
                "ProblemReportDetailsAdded", "SolutionProposed", "SolutionProposed", "RecommendationFormulated",
                "ProblemReportAddressed", "ProblemReportDetailsAdded");
    }

    @Test
    void asOfAnInstantOnlyTheDetailsAndProposalsMadeByThenAreShown() {
        assertThat(trace(at(450)).problemReports().get(0).history()).extracting(Step::eventType)
                .containsExactly("ProblemReportSubmitted", "ProblemReportDetailsAdded", "SolutionProposed", "SolutionProposed",
                        "ProblemReportAddressed");
    }

    @Test
    void aProposalsNodeLinksToTheReportAndToTheProposalByTypedIds() {
        Document node = store.mongo().getCollection("trace_nodes").find(new Document("step", "SOLUTION_PROPOSED")).first();

        assertThat(node).isNotNull();
        assertThat(node.get("refs", Document.class)).containsEntry("report", List.of("r-1"))
                .containsEntry("proposal", List.of("p-1"));
    }

    private RecommendationTrace trace(Instant asOf) {
        return queries.handle(new FetchRecommendationTrace(RECOMMENDATION, asOf)).orElseThrow();
    }

    private void event(String aggregateId, long sequence, Object payload, String user) {
        String eventId = String.format("e-%02d", ++events);
        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>("Agg", aggregateId, sequence, payload,
                MetaData.with("userId", user).and("correlationId", "c-" + eventId).and("causationId", "cmd-" + eventId),
                eventId, timestampOf(payload));
        projection.on(payload, message);
    }

    private static Instant timestampOf(Object payload) {
        if (payload instanceof de.gremium.events.problem.ProblemReportEvent e) {
            return e.occurredAt();
        }
        return ((RecommendationFormulated) payload).formulatedAt();
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }
}
