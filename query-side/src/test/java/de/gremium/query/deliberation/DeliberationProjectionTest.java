package de.gremium.query.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.events.PolicyField;
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
import de.gremium.events.group.MemberId;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.GuestId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.query.ViewStore;
import de.gremium.query.deliberation.DeliberationView.DeliberationStatus;
import de.gremium.query.deliberation.DeliberationView.Objection;
import de.gremium.query.deliberation.DeliberationView.ObjectionState;
import de.gremium.query.deliberation.DeliberationView.OutcomeKind;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deliberations as a plain object over a real wire-protocol store. */
class DeliberationProjectionTest {

    private static final DeliberationId ID = new DeliberationId("d-1");
    private static final MeetingId MEETING = new MeetingId("regular-2026-Q4");
    private static final Instant T0 = Instant.parse("2026-11-04T12:00:00Z");

    private ViewStore store;
    private DeliberationProjection projection;
    private DeliberationQueries queries;

    @BeforeEach
    void setUp() {
        store = ViewStore.open();
        projection = new DeliberationProjection(store.mongo());
        queries = new DeliberationQueries(store.mongo());
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static DraftRecommendationPut put(DeliberationId id, Instant at, PolicyField field) {
        return new DraftRecommendationPut(id, MEETING, new AgendaItemId("top-1"), "Entwurf", Set.of(field), List.of(),
                List.of(), List.of(new MemberId("anna.amt50"), new MemberId("jonas.fb32")), List.of(new GuestId("gast-1")),
                "koordinator", at);
    }

    private DeliberationView view() {
        return queries.handle(new FetchDeliberation(ID)).orElseThrow();
    }

    /** A running deliberation: two objections, an amendment resolving the first, the second still open. */
    private void running() {
        projection.on(put(ID, T0, PolicyField.LANGUAGE), 0);
        projection.on(new ObjectionRaised(ID, new ObjectionId("o-1"), new MemberId("anna.amt50"), "zu teuer",
                T0.plusSeconds(60)), 1);
        projection.on(new GuestCommented(ID, new GuestId("gast-1"), "In Halle klappt das", "koordinator",
                T0.plusSeconds(90)), 2);
        projection.on(new ObjectionRaised(ID, new ObjectionId("o-2"), new MemberId("jonas.fb32"), "zu früh",
                T0.plusSeconds(120)), 3);
        projection.on(new DraftAmended(ID, "Entwurf, günstiger", List.of(new ObjectionId("o-1")), "koordinator",
                T0.plusSeconds(180)), 4);
        projection.on(new ObjectionResolved(ID, new ObjectionId("o-1"), ObjectionOutcome.RESOLVED_BY_AMENDMENT,
                "koordinator", T0.plusSeconds(180)), 5);
    }

    @Test
    void aRunningDeliberationShowsItsCurrentDraftOpenAndResolvedObjectionsAndGuestComments() {
        running();

        DeliberationView view = view();
        assertThat(view.status()).isEqualTo(DeliberationStatus.RUNNING);
        assertThat(view.originalDraft()).isEqualTo("Entwurf");
        assertThat(view.draft()).isEqualTo("Entwurf, günstiger");
        assertThat(view.amendments()).singleElement().satisfies(a -> assertThat(a.resolves()).containsExactly("o-1"));
        assertThat(view.objections()).extracting(Objection::objectionId, Objection::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("o-1", ObjectionState.RESOLVED_BY_AMENDMENT),
                org.assertj.core.groups.Tuple.tuple("o-2", ObjectionState.OPEN));
        assertThat(view.guestComments()).singleElement().satisfies(c -> assertThat(c.comment()).isEqualTo("In Halle klappt das"));
        assertThat(view.outcome()).isNull();
        assertThat(view.version()).isEqualTo(5);

        DeliberationRow row = queries.handle(new FetchDeliberations(null, null, null, null, 0, 20)).rows().get(0);
        assertThat(row.openObjections()).isEqualTo(1);
        assertThat(row.resolvedObjections()).isEqualTo(1);
        assertThat(row.guestComments()).isEqualTo(1);
        assertThat(row.amendments()).isEqualTo(1);
        assertThat(row.outcome()).isNull();
    }

    @Test
    void aWithdrawnObjectionIsNoLongerOpenAndTheConsensusClosesTheDeliberation() {
        running();
        projection.on(new ObjectionWithdrawn(ID, new ObjectionId("o-2"), new MemberId("jonas.fb32"), "passt so",
                T0.plusSeconds(240)), 6);
        projection.on(new ConsensusRecorded(ID, new RecommendationId("e-1"), MEETING, new AgendaItemId("top-1"),
                "Entwurf, günstiger", Set.of(PolicyField.LANGUAGE), List.of(), List.of(), List.of(new MemberId("anna.amt50")),
                "koordinator", T0.plusSeconds(300)), 7);

        DeliberationView view = view();
        assertThat(view.objections().get(1).state()).isEqualTo(ObjectionState.WITHDRAWN);
        assertThat(view.objections().get(1).note()).isEqualTo("passt so");
        assertThat(view.status()).isEqualTo(DeliberationStatus.CLOSED);
        assertThat(view.outcome().kind()).isEqualTo(OutcomeKind.CONSENSUS);
        assertThat(view.outcome().recommendationId()).isEqualTo("e-1");

        DeliberationRow row = queries.handle(new FetchDeliberations(DeliberationStatus.CLOSED, null, null, null, 0, 20))
                .rows().get(0);
        assertThat(row.recommendationId()).isEqualTo("e-1");
        assertThat(row.openObjections()).isZero();
        assertThat(row.resolvedObjections()).isEqualTo(2);
        assertThat(row.closedAt()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void noConsensusKeepsThePositionsAndTheObjectionsStillOpen() {
        running();
        projection.on(new NoConsensusRecorded(ID, "Amt 50 dafür, FB 32 dagegen", List.of(new ObjectionId("o-2")),
                List.of(new MemberId("anna.amt50")), "koordinator", T0.plusSeconds(300)), 6);

        DeliberationView view = view();
        assertThat(view.status()).isEqualTo(DeliberationStatus.CLOSED);
        assertThat(view.outcome().kind()).isEqualTo(OutcomeKind.NO_CONSENSUS);
        assertThat(view.outcome().positions()).isEqualTo("Amt 50 dafür, FB 32 dagegen");
        assertThat(view.outcome().openObjections()).containsExactly("o-2");
    }

    @Test
    void eventsDeliveredTwiceChangeNothing() {
        running();
        DeliberationView before = view();

        projection.on(new ObjectionRaised(ID, new ObjectionId("o-1"), new MemberId("anna.amt50"), "zu teuer",
                T0.plusSeconds(60)), 1);
        projection.on(new DraftAmended(ID, "Entwurf, günstiger", List.of(new ObjectionId("o-1")), "koordinator",
                T0.plusSeconds(180)), 4);
        projection.on(new ObjectionResolved(ID, new ObjectionId("o-1"), ObjectionOutcome.RESOLVED_BY_AMENDMENT,
                "koordinator", T0.plusSeconds(180)), 5);
        projection.on(put(ID, T0, PolicyField.SPORT), 0);

        assertThat(view()).isEqualTo(before);
    }

    @Test
    void theListFiltersByStatusPolicyFieldAndYearNewestFirst() {
        running();
        DeliberationId older = new DeliberationId("d-0");
        projection.on(put(older, Instant.parse("2025-05-07T11:00:00Z"), PolicyField.EMPLOYMENT), 0);
        projection.on(new NoConsensusRecorded(older, "uneins", List.of(), List.of(), "koordinator",
                Instant.parse("2025-05-07T12:00:00Z")), 1);

        assertThat(queries.handle(new FetchDeliberations(null, null, null, null, 0, 20)).rows())
                .extracting(DeliberationRow::id).containsExactly("d-1", "d-0");
        assertThat(queries.handle(new FetchDeliberations(DeliberationStatus.RUNNING, null, null, null, 0, 20)).rows())
                .extracting(DeliberationRow::id).containsExactly("d-1");
        assertThat(queries.handle(new FetchDeliberations(null, PolicyField.EMPLOYMENT, 2025, null, 0, 20)).rows())
                .extracting(DeliberationRow::id).containsExactly("d-0");
        assertThat(queries.handle(new FetchDeliberations(null, null, 2026, "regular-2026-Q4", 0, 20)).total()).isEqualTo(1);
    }
}
