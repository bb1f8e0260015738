package de.gremium.query.problem;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.events.PolicyField;
import de.gremium.events.problem.FetchProblemBoard;
import de.gremium.events.problem.FetchProblemReport;
import de.gremium.events.problem.ProblemReportAcknowledged;
import de.gremium.events.problem.ProblemReportClosed;
import de.gremium.events.problem.ProblemReportDetailsAdded;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportStatus;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.events.problem.ResolutionOutcome;
import de.gremium.events.problem.SolutionProposalId;
import de.gremium.events.problem.SolutionProposed;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.query.ViewStore;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The projection as a plain object over a real wire-protocol store (the embedded server, or the
 * MongoDB that MONGODB_URI names): events in, view out, and redelivery changes nothing.
 */
class ProblemBoardProjectionTest {

    private static final ProblemReportId ID = new ProblemReportId("r-1");
    private static final Instant T0 = Instant.parse("2026-03-04T12:00:00Z");

    private ViewStore store;
    private MongoTemplate mongo;
    private ProblemBoardProjection projection;
    private ProblemBoardQueries queries;

    @BeforeEach
    void setUp() {
        store = ViewStore.open();
        mongo = store.mongo();
        projection = new ProblemBoardProjection(mongo);
        queries = new ProblemBoardQueries(mongo);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static ProblemReportSubmitted submitted(String id, String unit, Instant at, PolicyField... fields) {
        return new ProblemReportSubmitted(new ProblemReportId(id), "Titel " + id, "Beschreibung", unit, Set.of(fields), "anna.amt50", at);
    }

    @Test
    void aSubmittedReportAppearsOnTheBoardAsSubmittedAtVersionZero() {
        projection.on(submitted("r-1", "Amt 50", T0, PolicyField.LANGUAGE), 0);

        ProblemReportView view = queries.handle(new FetchProblemReport(ID)).orElseThrow();
        assertThat(view.status()).isEqualTo(ProblemReportStatus.SUBMITTED);
        assertThat(view.title()).isEqualTo("Titel r-1");
        assertThat(view.policyFields()).containsExactly(PolicyField.LANGUAGE);
        assertThat(view.version()).isZero();
        assertThat(view.details()).isEmpty();
    }

    @Test
    void everyStepOfTheReportsLifeShowsInTheView() {
        projection.on(submitted("r-1", "Amt 50", T0, PolicyField.LANGUAGE), 0);
        projection.on(new ProblemReportDetailsAdded(ID, "mehr", "anna.amt50", T0.plusSeconds(1)), 1);
        projection.on(new ProblemReportAcknowledged(ID, "ok", "koordinator", T0.plusSeconds(2)), 2);
        projection.on(new SolutionProposed(ID, new SolutionProposalId("p-1"), "Vorschlag", "jonas.fb32", T0.plusSeconds(3)), 3);
        projection.on(new ProblemReportClosed(ID, ResolutionOutcome.SOLVED, "gelöst", "koordinator", T0.plusSeconds(4)), 4);

        ProblemReportView view = queries.handle(new FetchProblemReport(ID)).orElseThrow();
        assertThat(view.status()).isEqualTo(ProblemReportStatus.CLOSED);
        assertThat(view.details()).extracting(ProblemReportView.Detail::details).containsExactly("mehr");
        assertThat(view.acknowledgement().acknowledgedBy()).isEqualTo("koordinator");
        assertThat(view.solutionProposals()).extracting(ProblemReportView.Proposal::proposalId).containsExactly("p-1");
        assertThat(view.closure().outcome()).isEqualTo(ResolutionOutcome.SOLVED);
        assertThat(view.version()).isEqualTo(4);
        assertThat(view.lastChangedAt()).isEqualTo(T0.plusSeconds(4));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        ProblemReportSubmitted submitted = submitted("r-1", "Amt 50", T0, PolicyField.LANGUAGE);
        ProblemReportDetailsAdded details = new ProblemReportDetailsAdded(ID, "mehr", "anna.amt50", T0.plusSeconds(1));
        projection.on(submitted, 0);
        projection.on(details, 1);
        ProblemReportView once = queries.handle(new FetchProblemReport(ID)).orElseThrow();

        projection.on(submitted, 0);
        projection.on(details, 1);
        assertThat(queries.handle(new FetchProblemReport(ID)).orElseThrow()).isEqualTo(once);
        assertThat(once.details()).hasSize(1);
    }

    @Test
    void theBoardFiltersAndSortsNewestFirst() {
        projection.on(submitted("a", "Amt 50", T0, PolicyField.LANGUAGE), 0);
        projection.on(submitted("b", "Amt 50", T0.plusSeconds(10), PolicyField.SPORT, PolicyField.LANGUAGE), 0);
        projection.on(submitted("c", "Amt 51", T0.plusSeconds(20), PolicyField.LANGUAGE), 0);
        projection.on(new ProblemReportAcknowledged(new ProblemReportId("c"), "", "koordinator", T0.plusSeconds(30)), 1);

        assertThat(queries.handle(new FetchProblemBoard(null, null, null, null, 0, 10)).reports())
                .extracting(ProblemReportView::id).containsExactly("c", "b", "a");
        assertThat(queries.handle(new FetchProblemBoard(null, "Amt 50", PolicyField.LANGUAGE, null, 0, 10)).reports())
                .extracting(ProblemReportView::id).containsExactly("b", "a");
        assertThat(queries.handle(new FetchProblemBoard(ProblemReportStatus.ACKNOWLEDGED, null, null, null, 0, 10)).reports())
                .extracting(ProblemReportView::id).containsExactly("c");
        ProblemBoardQueries.ProblemBoardPage second = queries.handle(new FetchProblemBoard(null, null, null, null, 1, 2));
        assertThat(second.reports()).extracting(ProblemReportView::id).containsExactly("a");
        assertThat(second.total()).isEqualTo(3);
    }

    @Test
    void theBoardShowsOnlyTheReportsOfWhoeverSubmittedThemCombinedWithTheOtherFilters() {
        projection.on(submitted("a", "Amt 50", T0, PolicyField.LANGUAGE), 0);
        projection.on(new ProblemReportSubmitted(new ProblemReportId("b"), "Titel b", "Beschreibung", "FB 32",
                Set.of(PolicyField.SPORT), "jonas.fb32", T0.plusSeconds(10)), 0);
        projection.on(submitted("c", "Amt 50", T0.plusSeconds(20), PolicyField.SPORT), 0);

        assertThat(queries.handle(new FetchProblemBoard(null, null, null, "anna.amt50", 0, 10)).reports())
                .extracting(ProblemReportView::id).containsExactly("c", "a");
        assertThat(queries.handle(new FetchProblemBoard(null, null, PolicyField.SPORT, "anna.amt50", 0, 10)).reports())
                .extracting(ProblemReportView::id).containsExactly("c");
        assertThat(queries.handle(new FetchProblemBoard(null, null, null, "jonas.fb32", 0, 10)).total()).isEqualTo(1);
        assertThat(queries.handle(new FetchProblemBoard(null, null, null, "anna", 0, 10)).reports()).as("exact, no prefix")
                .isEmpty();
    }

    @Test
    void aResetEmptiesTheBoardForAReplay() {
        projection.on(submitted("r-1", "Amt 50", T0, PolicyField.LANGUAGE), 0);
        projection.reset();
        assertThat(queries.handle(new FetchProblemReport(ID))).isEmpty();
    }

    @Test
    void aReportAddressedByARecommendationShowsItAndStaysOpen() {
        projection.on(submitted("r-1", "Amt 50", T0, PolicyField.LANGUAGE), 0);
        projection.on(new de.gremium.events.problem.ProblemReportAddressed(ID, new RecommendationId("rec-1"), "koordinator", T0.plusSeconds(5)), 1);
        projection.on(new de.gremium.events.problem.ProblemReportAddressed(ID, new RecommendationId("rec-1"), "koordinator", T0.plusSeconds(5)), 1);

        ProblemReportView view = queries.handle(new FetchProblemReport(ID)).orElseThrow();
        assertThat(view.status()).isEqualTo(ProblemReportStatus.ADDRESSED);
        assertThat(view.addressedBy()).containsExactly("rec-1");
    }
}
