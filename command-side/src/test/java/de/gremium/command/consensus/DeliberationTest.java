package de.gremium.command.consensus;

import de.gremium.events.PolicyField;
import de.gremium.events.consensus.AmendDraft;
import de.gremium.events.consensus.CommentAsGuest;
import de.gremium.events.consensus.ConsensusRecorded;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.consensus.DraftAmended;
import de.gremium.events.consensus.DraftRecommendationPut;
import de.gremium.events.consensus.GuestCommented;
import de.gremium.events.consensus.NoConsensusRecorded;
import de.gremium.events.consensus.ObjectionId;
import de.gremium.events.consensus.ObjectionOutcome;
import de.gremium.events.consensus.ObjectionRaised;
import de.gremium.events.consensus.ObjectionResolved;
import de.gremium.events.consensus.ObjectionWithdrawn;
import de.gremium.events.consensus.PutDraftRecommendation;
import de.gremium.events.consensus.RaiseObjection;
import de.gremium.events.consensus.RecordConsensus;
import de.gremium.events.consensus.RecordNoConsensus;
import de.gremium.events.consensus.WithdrawObjection;
import de.gremium.events.group.MemberId;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.GuestId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.platform.refusal.Refusal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliberationTest {

    private static final DeliberationId D = new DeliberationId("d-1");
    private static final MeetingId M = new MeetingId("regular-2026-Q4");
    private static final AgendaItemId A = new AgendaItemId("a-1");
    private static final Instant T = Instant.parse("2026-10-07T12:30:00Z");
    private static final MemberId ANNA = new MemberId("anna.amt50");
    private static final MemberId JONAS = new MemberId("jonas.fb32");
    private static final MemberId ABSENT = new MemberId("buero.ob");
    private static final ObjectionId O1 = new ObjectionId("o-1");
    private static final DraftRecommendationPut PUT = new DraftRecommendationPut(D, M, A, "Sprachkurse mit Kinderbetreuung",
            Set.of(PolicyField.LANGUAGE), List.of(new ProjectIdeaId("i-1")), List.of(new ProblemReportId("r-1")), List.of(ANNA, JONAS), List.of(new GuestId("g-1")), "koordinator", T);
    private static final ObjectionRaised RAISED = new ObjectionRaised(D, O1, JONAS, "Finanzierung offen", T);

    private FixtureConfiguration<Deliberation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Deliberation.class);
    }

    @Test
    void theCoordinatorPutsADraftToTheMembersPresent() {
        fixture.givenNoPriorActivity()
                .when(new PutDraftRecommendation(D, M, A, "Sprachkurse mit Kinderbetreuung", Set.of(PolicyField.LANGUAGE),
                        List.of(new ProjectIdeaId("i-1")), List.of(new ProblemReportId("r-1")), List.of(ANNA, JONAS), List.of(new GuestId("g-1")), "koordinator", T))
                .expectEvents(PUT);
    }

    @Test
    void aMemberPresentRaisesAnObjectionWithAReason() {
        fixture.given(PUT)
                .when(new RaiseObjection(D, O1, JONAS, "Finanzierung offen", T))
                .expectEvents(RAISED);
    }

    @Test
    void aMemberWhoWasNotPresentCannotObject() {
        fixture.given(PUT)
                .when(new RaiseObjection(D, O1, ABSENT, "dagegen", T))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void aGuestCannotObjectButCanComment() {
        fixture.given(PUT)
                .when(new RaiseObjection(D, O1, new MemberId("g-1"), "dagegen", T))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
        fixture.given(PUT)
                .when(new CommentAsGuest(D, new GuestId("g-1"), "Das Jobcenter kann fördern", "koordinator", T))
                .expectEvents(new GuestCommented(D, new GuestId("g-1"), "Das Jobcenter kann fördern", "koordinator", T));
    }

    @Test
    void consensusCannotBeRecordedWhileAnObjectionIsOpen() {
        fixture.given(PUT, RAISED)
                .when(new RecordConsensus(D, new RecommendationId("rec-1"), "koordinator", T))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void anAmendmentResolvesTheObjectionsItNames() {
        fixture.given(PUT, RAISED)
                .when(new AmendDraft(D, "… finanziert aus Landesmitteln", List.of(O1), "koordinator", T))
                .expectEvents(new DraftAmended(D, "… finanziert aus Landesmitteln", List.of(O1), "koordinator", T),
                        new ObjectionResolved(D, O1, ObjectionOutcome.RESOLVED_BY_AMENDMENT, "koordinator", T));
    }

    @Test
    void onlyItsAuthorWithdrawsAnObjection() {
        fixture.given(PUT, RAISED)
                .when(new WithdrawObjection(D, O1, ANNA, null, T))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
        fixture.given(PUT, RAISED)
                .when(new WithdrawObjection(D, O1, JONAS, "überzeugt", T))
                .expectEvents(new ObjectionWithdrawn(D, O1, JONAS, "überzeugt", T));
    }

    @Test
    void consensusIsRecordedWithTheFinalTextAndWhoWasPresentOnceEveryObjectionIsResolved() {
        fixture.given(PUT, RAISED, new DraftAmended(D, "geändert", List.of(O1), "koordinator", T),
                        new ObjectionResolved(D, O1, ObjectionOutcome.RESOLVED_BY_AMENDMENT, "koordinator", T))
                .when(new RecordConsensus(D, new RecommendationId("rec-1"), "koordinator", T))
                .expectEvents(new ConsensusRecorded(D, new RecommendationId("rec-1"), M, A, "geändert", Set.of(PolicyField.LANGUAGE), List.of(new ProjectIdeaId("i-1")),
                        List.of(new ProblemReportId("r-1")), List.of(ANNA, JONAS), "koordinator", T));
    }

    @Test
    void noConsensusIsRecordedWithThePositionsAndTheOpenObjections() {
        fixture.given(PUT, RAISED)
                .when(new RecordNoConsensus(D, "Amt 50 dafür, FB 32 dagegen", "koordinator", T))
                .expectEvents(new NoConsensusRecorded(D, "Amt 50 dafür, FB 32 dagegen", List.of(O1), List.of(ANNA, JONAS),
                        "koordinator", T));
    }

    @Test
    void aConcludedDeliberationTakesNoMoreObjections() {
        fixture.given(PUT, new ConsensusRecorded(D, new RecommendationId("rec-1"), M, A, "t", Set.of(PolicyField.LANGUAGE), List.of(), List.of(),
                        List.of(ANNA, JONAS), "koordinator", T))
                .when(new RaiseObjection(D, O1, JONAS, "zu spät", T))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }
}
