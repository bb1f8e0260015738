package de.gremium.command.problem;

import de.gremium.command.values.TextKind;
import de.gremium.events.PolicyField;
import de.gremium.events.problem.AcknowledgeProblemReport;
import de.gremium.events.problem.AddProblemReportDetails;
import de.gremium.events.problem.CloseProblemReport;
import de.gremium.events.problem.ProblemReportAcknowledged;
import de.gremium.events.problem.ProblemReportClosed;
import de.gremium.events.problem.ProblemReportDetailsAdded;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.events.problem.ProposeSolution;
import de.gremium.events.problem.ResolutionOutcome;
import de.gremium.events.problem.SolutionProposalId;
import de.gremium.events.problem.SolutionProposed;
import de.gremium.events.problem.SubmitProblemReport;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.platform.refusal.Refusal;
import java.time.Instant;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProblemReportTest {

    private static final ProblemReportId REPORT = new ProblemReportId("r-1");
    private static final Instant T0 = Instant.parse("2026-03-04T12:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final String AUTHOR = "anna.amt50";
    private static final String COORDINATOR = "koordinator";
    private static final ProblemReportSubmitted SUBMITTED = new ProblemReportSubmitted(REPORT, "Sprachkurse ausgebucht",
            "Wartezeit sechs Monate", "Amt 50", Set.of(PolicyField.LANGUAGE, PolicyField.EMPLOYMENT), AUTHOR, T0);
    private static final ProblemReportClosed CLOSED = new ProblemReportClosed(REPORT, ResolutionOutcome.SOLVED,
            "Zusätzliche Kurse ab Mai", COORDINATOR, T0);

    private FixtureConfiguration<ProblemReport> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProblemReport.class);
    }

    @Test
    void aMemberSubmitsAReportWithTitleDescriptionUnitAndPolicyFields() {
        fixture.givenNoPriorActivity()
                .when(new SubmitProblemReport(REPORT, "Sprachkurse ausgebucht", "Wartezeit sechs Monate", "Amt 50",
                        Set.of(PolicyField.EMPLOYMENT, PolicyField.LANGUAGE), AUTHOR, T0))
                .expectSuccessfulHandlerExecution()
                .expectEvents(SUBMITTED);
    }

    @Test
    void aReportWithoutAPolicyFieldIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SubmitProblemReport(REPORT, "Titel", "Beschreibung", "Amt 50", Set.of(), AUTHOR, T0))
                .expectException(Refusal.Invalid.class)
                .expectExceptionMessage("at least one policy field is required")
                .expectNoEvents();
    }

    @Test
    void aReportWithABlankTitleIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SubmitProblemReport(REPORT, "  ", "Beschreibung", "Amt 50", Set.of(PolicyField.HEALTH), AUTHOR, T0))
                .expectException(Refusal.Invalid.class)
                .expectExceptionMessage("title must not be blank")
                .expectNoEvents();
    }

    @Test
    void aReportWithAnOverlongTitleIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SubmitProblemReport(REPORT, "x".repeat(TextKind.TITLE.max() + 1), "Beschreibung",
                        "Amt 50", Set.of(PolicyField.HEALTH), AUTHOR, T0))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void theAuthorAddsDetailsToTheirReport() {
        fixture.given(SUBMITTED)
                .when(new AddProblemReportDetails(REPORT, "Betrifft vor allem Frauen mit Kindern", AUTHOR, T1, null))
                .expectEvents(new ProblemReportDetailsAdded(REPORT, "Betrifft vor allem Frauen mit Kindern", AUTHOR, T1));
    }

    @Test
    void anotherMemberCannotAddDetailsToSomeoneElsesReport() {
        fixture.given(SUBMITTED)
                .when(new AddProblemReportDetails(REPORT, "Meine Ergänzung", "jonas.fb32", T1, null))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void detailsCannotBeAddedToAClosedReport() {
        fixture.given(SUBMITTED, CLOSED)
                .when(new AddProblemReportDetails(REPORT, "Noch etwas", AUTHOR, T1, null))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void theCoordinatorAcknowledgesASubmittedReport() {
        fixture.given(SUBMITTED)
                .when(new AcknowledgeProblemReport(REPORT, "Kommt auf die nächste Sitzung", COORDINATOR, T1, null))
                .expectEvents(new ProblemReportAcknowledged(REPORT, "Kommt auf die nächste Sitzung", COORDINATOR, T1));
    }

    @Test
    void anAcknowledgementWithoutNoteRecordsAnEmptyNote() {
        fixture.given(SUBMITTED)
                .when(new AcknowledgeProblemReport(REPORT, null, COORDINATOR, T1, null))
                .expectEvents(new ProblemReportAcknowledged(REPORT, "", COORDINATOR, T1));
    }

    @Test
    void aReportCannotBeAcknowledgedTwice() {
        fixture.given(SUBMITTED, new ProblemReportAcknowledged(REPORT, "", COORDINATOR, T0))
                .when(new AcknowledgeProblemReport(REPORT, null, COORDINATOR, T1, null))
                .expectException(Refusal.Conflict.class)
                .expectExceptionMessage("The report has already been acknowledged.")
                .expectNoEvents();
    }

    @Test
    void aClosedReportCannotBeAcknowledged() {
        fixture.given(SUBMITTED, CLOSED)
                .when(new AcknowledgeProblemReport(REPORT, null, COORDINATOR, T1, null))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void anyMemberProposesASolutionToAnOpenReport() {
        SolutionProposalId proposal = new SolutionProposalId("p-1");
        fixture.given(SUBMITTED)
                .when(new ProposeSolution(REPORT, proposal, "Kurse der VHS nutzen", "jonas.fb32", T1, null))
                .expectEvents(new SolutionProposed(REPORT, proposal, "Kurse der VHS nutzen", "jonas.fb32", T1));
    }

    @Test
    void aProposalIdCannotBeUsedTwiceInOneReport() {
        SolutionProposalId proposal = new SolutionProposalId("p-1");
        fixture.given(SUBMITTED, new SolutionProposed(REPORT, proposal, "Erster Vorschlag", "jonas.fb32", T0))
                .when(new ProposeSolution(REPORT, proposal, "Zweiter Vorschlag", AUTHOR, T1, null))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void noSolutionCanBeProposedForAClosedReport() {
        fixture.given(SUBMITTED, CLOSED)
                .when(new ProposeSolution(REPORT, new SolutionProposalId("p-2"), "Zu spät", AUTHOR, T1, null))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void theCoordinatorClosesAnAcknowledgedReportWithOutcomeAndResolution() {
        fixture.given(SUBMITTED, new ProblemReportAcknowledged(REPORT, "", COORDINATOR, T0))
                .when(new CloseProblemReport(REPORT, ResolutionOutcome.REFERRED, "An das Jobcenter", COORDINATOR, T1, null))
                .expectEvents(new ProblemReportClosed(REPORT, ResolutionOutcome.REFERRED, "An das Jobcenter", COORDINATOR, T1));
    }

    @Test
    void aDuplicateCanBeClosedWithoutAcknowledgingItFirst() {
        fixture.given(SUBMITTED)
                .when(new CloseProblemReport(REPORT, ResolutionOutcome.DUPLICATE, "Siehe Meldung r-0", COORDINATOR, T1, null))
                .expectEvents(new ProblemReportClosed(REPORT, ResolutionOutcome.DUPLICATE, "Siehe Meldung r-0", COORDINATOR, T1));
    }

    @Test
    void aReportCannotBeClosedTwice() {
        fixture.given(SUBMITTED, CLOSED)
                .when(new CloseProblemReport(REPORT, ResolutionOutcome.SOLVED, "Nochmal", COORDINATOR, T1, null))
                .expectException(Refusal.Conflict.class)
                .expectExceptionMessage("The report is closed; it can no longer be changed.")
                .expectNoEvents();
    }

    @Test
    void closingWithoutAResolutionIsRefused() {
        fixture.given(SUBMITTED)
                .when(new CloseProblemReport(REPORT, ResolutionOutcome.SOLVED, "", COORDINATOR, T1, null))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void closingWithoutAnOutcomeIsRefused() {
        fixture.given(SUBMITTED)
                .when(new CloseProblemReport(REPORT, null, "Erledigt", COORDINATOR, T1, null))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aCommandExpectingAnOlderVersionIsRefusedAsAConflict() {
        fixture.given(SUBMITTED, new ProblemReportDetailsAdded(REPORT, "Ergänzung", AUTHOR, T0))
                .when(new AddProblemReportDetails(REPORT, "Noch eine", AUTHOR, T1, 0L))
                .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void aRecommendationAddressesAnOpenReportOnce() {
        fixture.given(SUBMITTED)
                .when(new de.gremium.events.problem.MarkProblemReportAddressed(REPORT, new RecommendationId("rec-1"), COORDINATOR, T1))
                .expectEvents(new de.gremium.events.problem.ProblemReportAddressed(REPORT, new RecommendationId("rec-1"), COORDINATOR, T1));
        fixture.given(SUBMITTED, new de.gremium.events.problem.ProblemReportAddressed(REPORT, new RecommendationId("rec-1"), COORDINATOR, T1))
                .when(new de.gremium.events.problem.MarkProblemReportAddressed(REPORT, new RecommendationId("rec-1"), COORDINATOR, T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAddressedReportIsNotAcknowledgedAnyMore() {
        fixture.given(SUBMITTED, new de.gremium.events.problem.ProblemReportAddressed(REPORT, new RecommendationId("rec-1"), COORDINATOR, T1))
                .when(new AcknowledgeProblemReport(REPORT, null, COORDINATOR, T1, null))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }
}
