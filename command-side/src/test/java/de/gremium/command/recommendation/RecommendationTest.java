package de.gremium.command.recommendation;

import de.gremium.events.PolicyField;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.recommendation.FormulateRecommendation;
import de.gremium.events.recommendation.MayorsDecision;
import de.gremium.events.recommendation.MayorsDecisionRecorded;
import de.gremium.events.recommendation.RecommendationFormulated;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.events.recommendation.RecommendationSubmitted;
import de.gremium.events.recommendation.RecordMayorsDecision;
import de.gremium.events.recommendation.SubmitRecommendation;
import de.gremium.platform.refusal.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecommendationTest {

    private static final RecommendationId R = new RecommendationId("rec-1");
    private static final Instant T = Instant.parse("2026-10-08T08:00:00Z");
    private static final RecommendationFormulated FORMULATED = new RecommendationFormulated(R, new DeliberationId("d-1"), new MeetingId("m"),
            new AgendaItemId("a"), "Text", Set.of(PolicyField.LANGUAGE), List.of(new ProjectIdeaId("i-1")), List.of(new ProblemReportId("r-1")), "koordinator", T);
    private static final RecommendationSubmitted SUBMITTED = new RecommendationSubmitted(R, "", "koordinator", T);

    private FixtureConfiguration<Recommendation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Recommendation.class);
    }

    @Test
    void aConsensusProducesARecommendationToTheLordMayor() {
        fixture.givenNoPriorActivity()
                .when(new FormulateRecommendation(R, new DeliberationId("d-1"), new MeetingId("m"), new AgendaItemId("a"), "Text",
                        Set.of(PolicyField.LANGUAGE), List.of(new ProjectIdeaId("i-1")), List.of(new ProblemReportId("r-1")), "koordinator", T))
                .expectEvents(FORMULATED);
    }

    @Test
    void theCoordinatorSubmitsItOnce() {
        fixture.given(FORMULATED).when(new SubmitRecommendation(R, null, "koordinator", T)).expectEvents(SUBMITTED);
        fixture.given(FORMULATED, SUBMITTED).when(new SubmitRecommendation(R, null, "koordinator", T))
                .expectException(Refusal.Conflict.class).expectNoEvents();
    }

    @Test
    void noDecisionIsRecordedBeforeSubmission() {
        fixture.given(FORMULATED)
                .when(new RecordMayorsDecision(R, MayorsDecision.ACCEPTED, "gut", null, "buero.ob", T))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void theMayorsOfficeRecordsTheDecisionWithReasonsAndAReviewDate() {
        fixture.given(FORMULATED, SUBMITTED)
                .when(new RecordMayorsDecision(R, MayorsDecision.ACCEPTED_WITH_MODIFICATIONS, "nur zwei Stadtteile",
                        LocalDate.of(2027, 6, 30), "buero.ob", T))
                .expectEvents(new MayorsDecisionRecorded(R, MayorsDecision.ACCEPTED_WITH_MODIFICATIONS, "nur zwei Stadtteile",
                        LocalDate.of(2027, 6, 30), "buero.ob", T));
    }

    @Test
    void aDeferralNeedsAReviewDateAndCanBeDecidedLater() {
        fixture.given(FORMULATED, SUBMITTED)
                .when(new RecordMayorsDecision(R, MayorsDecision.DEFERRED, "Haushalt abwarten", null, "buero.ob", T))
                .expectException(Refusal.Invalid.class);
        MayorsDecisionRecorded deferred = new MayorsDecisionRecorded(R, MayorsDecision.DEFERRED, "Haushalt abwarten",
                LocalDate.of(2027, 3, 1), "buero.ob", T);
        fixture.given(FORMULATED, SUBMITTED, deferred)
                .when(new RecordMayorsDecision(R, MayorsDecision.REJECTED, "keine Mittel", null, "buero.ob", T))
                .expectEvents(new MayorsDecisionRecorded(R, MayorsDecision.REJECTED, "keine Mittel", null, "buero.ob", T));
    }

    @Test
    void aDecidedRecommendationIsNotDecidedAgain() {
        fixture.given(FORMULATED, SUBMITTED, new MayorsDecisionRecorded(R, MayorsDecision.ACCEPTED, "gut", null, "buero.ob", T))
                .when(new RecordMayorsDecision(R, MayorsDecision.REJECTED, "doch nicht", null, "buero.ob", T))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void aReviewDateInThePastIsRefused() {
        fixture.given(FORMULATED, SUBMITTED)
                .when(new RecordMayorsDecision(R, MayorsDecision.ACCEPTED, "gut", LocalDate.of(2026, 1, 1), "buero.ob", T))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }
}
