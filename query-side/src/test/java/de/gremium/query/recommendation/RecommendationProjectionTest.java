package de.gremium.query.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.events.PolicyField;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.recommendation.MayorsDecision;
import de.gremium.events.recommendation.MayorsDecisionRecorded;
import de.gremium.events.recommendation.RecommendationFormulated;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.events.recommendation.RecommendationStatus;
import de.gremium.events.recommendation.RecommendationSubmitted;
import de.gremium.query.ViewStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recommendations' list as a plain object over a real wire-protocol store. */
class RecommendationProjectionTest {

    private ViewStore store;
    private RecommendationProjection projection;
    private RecommendationQueries queries;

    @BeforeEach
    void setUp() {
        store = ViewStore.open();
        projection = new RecommendationProjection(store.mongo());
        queries = new RecommendationQueries(store.mongo());
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static RecommendationFormulated formulated(String id, String at, PolicyField... fields) {
        return new RecommendationFormulated(new RecommendationId(id), new DeliberationId("d-" + id),
                new MeetingId("regular-2026-Q4"), new AgendaItemId("top-1"), "Text " + id, Set.of(fields),
                List.of(new ProjectIdeaId("idee-1"), new ProjectIdeaId("idee-2")), List.of(new ProblemReportId("meldung-1")),
                "koordinator", Instant.parse(at));
    }

    private static RecommendationSubmitted submitted(String id, String at) {
        return new RecommendationSubmitted(new RecommendationId(id), "", "koordinator", Instant.parse(at));
    }

    private static MayorsDecisionRecorded decided(String id, MayorsDecision decision, String reviewDate, String at) {
        return new MayorsDecisionRecorded(new RecommendationId(id), decision, "Gründe",
                reviewDate == null ? null : LocalDate.parse(reviewDate), "buero.ob", Instant.parse(at));
    }

    private List<RecommendationRow> rows(FetchRecommendations query) {
        return queries.handle(query).rows();
    }

    private static FetchRecommendations all() {
        return new FetchRecommendations(null, null, null, null, 0, 20);
    }

    @Test
    void aFormulatedRecommendationIsListedWithWhatItAnswersJoined() {
        projection.on(formulated("e-1", "2026-11-04T12:00:00Z", PolicyField.LANGUAGE, PolicyField.EMPLOYMENT), 0);

        RecommendationRow row = rows(all()).get(0);
        assertThat(row.status()).isEqualTo(RecommendationStatus.FORMULATED);
        assertThat(row.year()).isEqualTo(2026);
        assertThat(row.projectIdeas()).isEqualTo("idee-1, idee-2");
        assertThat(row.problemReports()).isEqualTo("meldung-1");
        assertThat(row.policyFields()).contains("LANGUAGE", "EMPLOYMENT");
        assertThat(row.decision()).isNull();
        assertThat(row.submittedAt()).isNull();
    }

    @Test
    void theYearIsTheConsensusYearInBerlinNotInUtc() {
        projection.on(formulated("e-silvester", "2026-12-31T23:30:00Z", PolicyField.LANGUAGE), 0);

        assertThat(rows(all()).get(0).year()).isEqualTo(2027);
    }

    @Test
    void submissionAndADeferringDecisionMoveTheStatusAndSetTheReviewDate() {
        projection.on(formulated("e-1", "2026-11-04T12:00:00Z", PolicyField.LANGUAGE), 0);
        projection.on(submitted("e-1", "2026-11-10T09:00:00Z"), 1);
        assertThat(rows(all()).get(0).status()).isEqualTo(RecommendationStatus.SUBMITTED);

        projection.on(decided("e-1", MayorsDecision.DEFERRED, "2027-03-15", "2026-12-01T09:00:00Z"), 2);

        RecommendationView view = queries.handle(new FetchRecommendation(new RecommendationId("e-1"))).orElseThrow();
        assertThat(view.status()).isEqualTo(RecommendationStatus.DEFERRED);
        assertThat(view.reviewDate()).isEqualTo(LocalDate.parse("2027-03-15"));
        assertThat(view.decision().decision()).isEqualTo(MayorsDecision.DEFERRED);
        assertThat(view.submission().submittedBy()).isEqualTo("koordinator");
        assertThat(view.version()).isEqualTo(2);

        projection.on(decided("e-1", MayorsDecision.ACCEPTED, null, "2027-03-20T09:00:00Z"), 3);

        RecommendationRow row = rows(all()).get(0);
        assertThat(row.status()).isEqualTo(RecommendationStatus.DECIDED);
        assertThat(row.decision()).isEqualTo(MayorsDecision.ACCEPTED);
        assertThat(row.reviewDate()).as("the latest decision's").isNull();
    }

    @Test
    void anEventDeliveredTwiceChangesNothing() {
        projection.on(formulated("e-1", "2026-11-04T12:00:00Z", PolicyField.LANGUAGE), 0);
        projection.on(submitted("e-1", "2026-11-10T09:00:00Z"), 1);
        projection.on(decided("e-1", MayorsDecision.ACCEPTED, null, "2026-12-01T09:00:00Z"), 2);
        RecommendationView before = queries.handle(new FetchRecommendation(new RecommendationId("e-1"))).orElseThrow();

        projection.on(formulated("e-1", "2026-11-05T12:00:00Z", PolicyField.SPORT), 0);
        projection.on(submitted("e-1", "2026-11-11T09:00:00Z"), 1);

        assertThat(queries.handle(new FetchRecommendation(new RecommendationId("e-1")))).contains(before);
    }

    @Test
    void theFiltersCombineAndTheListIsNewestFirst() {
        projection.on(formulated("e-2025", "2025-06-04T12:00:00Z", PolicyField.LANGUAGE), 0);
        projection.on(formulated("e-2026a", "2026-03-04T12:00:00Z", PolicyField.LANGUAGE), 0);
        projection.on(formulated("e-2026b", "2026-09-04T12:00:00Z", PolicyField.EMPLOYMENT), 0);
        projection.on(submitted("e-2026b", "2026-09-10T09:00:00Z"), 1);
        projection.on(decided("e-2026b", MayorsDecision.DEFERRED, "2027-03-31", "2026-10-01T09:00:00Z"), 2);
        projection.on(submitted("e-2026a", "2026-03-10T09:00:00Z"), 1);
        projection.on(decided("e-2026a", MayorsDecision.ACCEPTED, "2027-04-01", "2026-04-01T09:00:00Z"), 2);

        assertThat(rows(all())).extracting(RecommendationRow::id).containsExactly("e-2026b", "e-2026a", "e-2025");
        assertThat(rows(new FetchRecommendations(null, null, 2026, null, 0, 20))).extracting(RecommendationRow::id)
                .containsExactly("e-2026b", "e-2026a");
        assertThat(rows(new FetchRecommendations(null, PolicyField.LANGUAGE, 2026, null, 0, 20)))
                .extracting(RecommendationRow::id).containsExactly("e-2026a");
        assertThat(rows(new FetchRecommendations(RecommendationStatus.DEFERRED, null, null, null, 0, 20)))
                .extracting(RecommendationRow::id).containsExactly("e-2026b");
        assertThat(rows(new FetchRecommendations(null, null, null, LocalDate.parse("2027-03-31"), 0, 20)))
                .as("due for review on or before the day").extracting(RecommendationRow::id).containsExactly("e-2026b");
        assertThat(rows(new FetchRecommendations(null, null, null, LocalDate.parse("2027-04-01"), 0, 20)))
                .extracting(RecommendationRow::id).containsExactly("e-2026b", "e-2026a");

        RecommendationQueries.RecommendationPage second = queries.handle(new FetchRecommendations(null, null, null, null, 1, 2));
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.rows()).extracting(RecommendationRow::id).containsExactly("e-2025");
    }
}
