package de.gremium.query.idea;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.events.PolicyField;
import de.gremium.events.idea.FetchProjectIdea;
import de.gremium.events.idea.FetchProjectIdeas;
import de.gremium.events.idea.ProjectIdeaDiscussed;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.idea.ProjectIdeaPlacedOnAgenda;
import de.gremium.events.idea.ProjectIdeaProposed;
import de.gremium.events.idea.ProjectIdeaRecommended;
import de.gremium.events.idea.ProjectIdeaRevised;
import de.gremium.events.idea.ProjectIdeaShelved;
import de.gremium.events.idea.ProjectIdeaStatus;
import de.gremium.events.idea.ProjectIdeaWithdrawn;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingStatus;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.query.ViewStore;
import de.gremium.query.idea.MeetingLookup.MeetingFacts;
import de.gremium.query.idea.ProjectIdeaView.StepKind;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The project ideas view as a plain object over a real wire-protocol store. */
class ProjectIdeaProjectionTest {

    private static final ProjectIdeaId ID = new ProjectIdeaId("idee-1");
    private static final Instant T0 = Instant.parse("2027-01-05T10:00:00Z");
    private static final MeetingId Q1 = new MeetingId("regular-2027-Q1");
    private static final MeetingId Q2 = new MeetingId("regular-2027-Q2");

    private ViewStore store;
    private ProjectIdeaProjection projection;
    private ProjectIdeaQueries queries;

    @BeforeEach
    void setUp() {
        store = ViewStore.open();
        projection = new ProjectIdeaProjection(store.mongo());
        MeetingLookup workPlan = ids -> Map.of(Q1.value(), new MeetingFacts("Sitzung Q1/2027", MeetingKind.REGULAR,
                MeetingStatus.CANCELLED, Instant.parse("2027-03-10T12:00:00Z"), Instant.parse("2027-03-10T13:00:00Z")));
        queries = new ProjectIdeaQueries(store.mongo(), workPlan);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static ProjectIdeaProposed proposed(String id, Instant at, PolicyField... fields) {
        return new ProjectIdeaProposed(new ProjectIdeaId(id), "Idee " + id, "Beschreibung", Set.of(fields), "koordinator", at);
    }

    private static ProjectIdeaPlacedOnAgenda placed(MeetingId meeting, String item, Instant at) {
        return new ProjectIdeaPlacedOnAgenda(ID, meeting, new AgendaItemId(item), "koordinator", at);
    }

    private ProjectIdeaDetail detail() {
        return queries.handle(new FetchProjectIdea(ID)).orElseThrow();
    }

    @Test
    void aProposedIdeaIsListedAsProposedAtVersionZero() {
        projection.on(proposed("idee-1", T0, PolicyField.LANGUAGE), 0);

        ProjectIdeaView idea = detail().idea();
        assertThat(idea.status()).isEqualTo(ProjectIdeaStatus.PROPOSED);
        assertThat(idea.title()).isEqualTo("Idee idee-1");
        assertThat(idea.policyFields()).containsExactly(PolicyField.LANGUAGE);
        assertThat(idea.version()).isZero();
        assertThat(idea.history()).extracting(ProjectIdeaView.Step::kind).containsExactly(StepKind.PROPOSED);
        assertThat(detail().meetings()).isEmpty();
    }

    @Test
    void theDetailTracesEveryPlacementAndTheMeetingsItWentThrough() {
        projection.on(proposed("idee-1", T0, PolicyField.LANGUAGE), 0);
        projection.on(new ProjectIdeaRevised(ID, "Sprachcafé", "neu", Set.of(PolicyField.LANGUAGE, PolicyField.CULTURE),
                "koordinator", T0.plusSeconds(10)), 1);
        projection.on(placed(Q1, "top-1", T0.plusSeconds(20)), 2);
        projection.on(placed(Q2, "top-4", T0.plusSeconds(30)), 3);
        projection.on(new ProjectIdeaDiscussed(ID, Q2, "koordinator", T0.plusSeconds(40)), 4);

        ProjectIdeaDetail detail = detail();
        assertThat(detail.idea().status()).isEqualTo(ProjectIdeaStatus.DISCUSSED);
        assertThat(detail.idea().title()).isEqualTo("Sprachcafé");
        assertThat(detail.idea().policyFields()).containsExactlyInAnyOrder(PolicyField.LANGUAGE, PolicyField.CULTURE);
        assertThat(detail.idea().currentMeetingId()).isEqualTo(Q2.value());
        assertThat(detail.idea().history()).extracting(ProjectIdeaView.Step::kind).containsExactly(StepKind.PROPOSED,
                StepKind.REVISED, StepKind.PLACED_ON_AGENDA, StepKind.PLACED_ON_AGENDA, StepKind.DISCUSSED);
        assertThat(detail.meetings()).extracting(ProjectIdeaDetail.MeetingOfIdea::meetingId)
                .containsExactly(Q1.value(), Q2.value());
        ProjectIdeaDetail.MeetingOfIdea cancelled = detail.meetings().get(0);
        assertThat(cancelled.status()).isEqualTo(MeetingStatus.CANCELLED);
        assertThat(cancelled.title()).isEqualTo("Sitzung Q1/2027");
        assertThat(cancelled.discussed()).isFalse();
        assertThat(detail.meetings().get(1).discussed()).isTrue();
        assertThat(detail.meetings().get(1).status()).as("not projected by the work plan yet").isNull();
        assertThat(detail.idea().version()).isEqualTo(4);
        assertThat(detail.idea().lastChangedAt()).isEqualTo(T0.plusSeconds(40));
    }

    @Test
    void aRecommendationAnsweringADiscussedIdeaMakesItRecommended() {
        projection.on(proposed("idee-1", T0, PolicyField.LANGUAGE), 0);
        projection.on(placed(Q2, "top-4", T0.plusSeconds(30)), 1);
        projection.on(new ProjectIdeaDiscussed(ID, Q2, "koordinator", T0.plusSeconds(40)), 2);
        projection.on(new ProjectIdeaRecommended(ID, new RecommendationId("empfehlung-7"), "koordinator", T0.plusSeconds(50)), 3);

        ProjectIdeaView idea = detail().idea();
        assertThat(idea.status()).isEqualTo(ProjectIdeaStatus.RECOMMENDED);
        assertThat(idea.recommendationIds()).containsExactly("empfehlung-7");
        assertThat(idea.history().get(3)).isEqualTo(new ProjectIdeaView.Step(StepKind.RECOMMENDED, "koordinator",
                T0.plusSeconds(50), null, "empfehlung-7"));
    }

    @Test
    void shelvingAndWithdrawingCloseTheIdeaWithTheirReason() {
        projection.on(proposed("idee-1", T0, PolicyField.SPORT), 0);
        projection.on(new ProjectIdeaShelved(ID, "kein Budget", "koordinator", T0.plusSeconds(5)), 1);
        assertThat(detail().idea().closure().reason()).isEqualTo("kein Budget");
        assertThat(detail().idea().status()).isEqualTo(ProjectIdeaStatus.SHELVED);

        projection.on(proposed("idee-2", T0, PolicyField.SPORT), 0);
        projection.on(new ProjectIdeaWithdrawn(new ProjectIdeaId("idee-2"), "erledigt", "koordinator", T0.plusSeconds(5)), 1);
        ProjectIdeaView withdrawn = queries.handle(new FetchProjectIdea(new ProjectIdeaId("idee-2"))).orElseThrow().idea();
        assertThat(withdrawn.status()).isEqualTo(ProjectIdeaStatus.WITHDRAWN);
        assertThat(withdrawn.closure().status()).isEqualTo(ProjectIdeaStatus.WITHDRAWN);
    }

    @Test
    void theListFiltersByStatusAndPolicyFieldAndPagesNewestFirst() {
        projection.on(proposed("a", T0, PolicyField.LANGUAGE), 0);
        projection.on(proposed("b", T0.plusSeconds(10), PolicyField.SPORT, PolicyField.LANGUAGE), 0);
        projection.on(proposed("c", T0.plusSeconds(20), PolicyField.HEALTH), 0);
        projection.on(new ProjectIdeaPlacedOnAgenda(new ProjectIdeaId("c"), Q1, new AgendaItemId("top-1"), "koordinator",
                T0.plusSeconds(30)), 1);

        assertThat(queries.handle(new FetchProjectIdeas(null, null, 0, 10)).ideas())
                .extracting(ProjectIdeaView::id).containsExactly("c", "b", "a");
        assertThat(queries.handle(new FetchProjectIdeas(null, PolicyField.LANGUAGE, 0, 10)).ideas())
                .extracting(ProjectIdeaView::id).containsExactly("b", "a");
        assertThat(queries.handle(new FetchProjectIdeas(ProjectIdeaStatus.ON_AGENDA, null, 0, 10)).ideas())
                .extracting(ProjectIdeaView::id).containsExactly("c");
        ProjectIdeaQueries.ProjectIdeaPage second = queries.handle(new FetchProjectIdeas(null, null, 1, 2));
        assertThat(second.ideas()).extracting(ProjectIdeaView::id).containsExactly("a");
        assertThat(second.total()).isEqualTo(3);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        ProjectIdeaProposed proposed = proposed("idee-1", T0, PolicyField.LANGUAGE);
        ProjectIdeaPlacedOnAgenda first = placed(Q1, "top-1", T0.plusSeconds(20));
        ProjectIdeaPlacedOnAgenda second = placed(Q2, "top-4", T0.plusSeconds(30));
        projection.on(proposed, 0);
        projection.on(first, 1);
        projection.on(second, 2);
        ProjectIdeaDetail once = detail();

        projection.on(proposed, 0);
        projection.on(first, 1);
        projection.on(second, 2);
        projection.on(first, 1);
        assertThat(detail()).isEqualTo(once);
        assertThat(once.idea().agendaPlacements()).hasSize(2);
        assertThat(once.idea().currentMeetingId()).isEqualTo(Q2.value());
    }

    @Test
    void aResetEmptiesTheListForAReplay() {
        projection.on(proposed("idee-1", T0, PolicyField.LANGUAGE), 0);
        projection.reset();
        assertThat(queries.handle(new FetchProjectIdea(ID))).isEmpty();
        assertThat(queries.handle(new FetchProjectIdeas(null, null, 0, 10)).total()).isZero();
    }
}
