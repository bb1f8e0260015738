package de.gremium.command.idea;

import de.gremium.events.PolicyField;
import de.gremium.events.idea.MarkProjectIdeaDiscussed;
import de.gremium.events.idea.PlaceProjectIdeaOnAgenda;
import de.gremium.events.idea.ProjectIdeaDiscussed;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.idea.ProjectIdeaPlacedOnAgenda;
import de.gremium.events.idea.ProjectIdeaProposed;
import de.gremium.events.idea.ProjectIdeaRevised;
import de.gremium.events.idea.ProjectIdeaShelved;
import de.gremium.events.idea.ProjectIdeaWithdrawn;
import de.gremium.events.idea.ProposeProjectIdea;
import de.gremium.events.idea.ReviseProjectIdea;
import de.gremium.events.idea.ShelveProjectIdea;
import de.gremium.events.idea.WithdrawProjectIdea;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.platform.refusal.Refusal;
import java.time.Instant;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProjectIdeaTest {

    private static final ProjectIdeaId IDEA = new ProjectIdeaId("i-1");
    private static final MeetingId MEETING = new MeetingId("regular-2027-Q1");
    private static final AgendaItemId ITEM = new AgendaItemId("a-1");
    private static final Instant T = Instant.parse("2027-01-13T12:00:00Z");
    private static final ProjectIdeaProposed PROPOSED = new ProjectIdeaProposed(IDEA, "Sprachpaten", "Ehrenamtliche Sprachpaten",
            Set.of(PolicyField.LANGUAGE), "koordinator", T);
    private static final ProjectIdeaPlacedOnAgenda ON_AGENDA = new ProjectIdeaPlacedOnAgenda(IDEA, MEETING, ITEM, "koordinator", T);

    private FixtureConfiguration<ProjectIdea> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProjectIdea.class);
    }

    @Test
    void aMemberProposesAnIdeaWithPolicyFields() {
        fixture.givenNoPriorActivity()
                .when(new ProposeProjectIdea(IDEA, "Sprachpaten", "Ehrenamtliche Sprachpaten", Set.of(PolicyField.LANGUAGE),
                        "koordinator", T))
                .expectEvents(PROPOSED);
    }

    @Test
    void anIdeaWithoutPolicyFieldIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ProposeProjectIdea(IDEA, "Sprachpaten", "x", Set.of(), "koordinator", T))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void theProposerRevisesTheIdea() {
        fixture.given(PROPOSED)
                .when(new ReviseProjectIdea(IDEA, "Sprachpaten 2.0", "neu", Set.of(PolicyField.LANGUAGE, PolicyField.CULTURE),
                        "koordinator", false, T, null))
                .expectEvents(new ProjectIdeaRevised(IDEA, "Sprachpaten 2.0", "neu", Set.of(PolicyField.LANGUAGE, PolicyField.CULTURE),
                        "koordinator", T));
    }

    @Test
    void anotherMemberCannotReviseSomeoneElsesIdea() {
        fixture.given(PROPOSED)
                .when(new ReviseProjectIdea(IDEA, "t", "d", Set.of(PolicyField.LANGUAGE), "jonas.fb32", false, T, null))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void theCoordinatorMayReviseAnyonesIdea() {
        ProjectIdeaProposed byAnna = new ProjectIdeaProposed(IDEA, "t", "d", Set.of(PolicyField.SPORT), "anna.amt50", T);
        fixture.given(byAnna)
                .when(new ReviseProjectIdea(IDEA, "t2", "d", Set.of(PolicyField.SPORT), "koordinator", true, T, null))
                .expectEvents(new ProjectIdeaRevised(IDEA, "t2", "d", Set.of(PolicyField.SPORT), "koordinator", T));
    }

    @Test
    void aWithdrawnIdeaCannotBeRevised() {
        fixture.given(PROPOSED, new ProjectIdeaWithdrawn(IDEA, "überholt", "koordinator", T))
                .when(new ReviseProjectIdea(IDEA, "t", "d", Set.of(PolicyField.LANGUAGE), "koordinator", true, T, null))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void theProposerWithdrawsTheIdeaWithAReason() {
        fixture.given(PROPOSED)
                .when(new WithdrawProjectIdea(IDEA, "überholt", "koordinator", true, T))
                .expectEvents(new ProjectIdeaWithdrawn(IDEA, "überholt", "koordinator", T));
    }

    @Test
    void anIdeaPutOnAnAgendaIsOnTheAgenda() {
        fixture.given(PROPOSED)
                .when(new PlaceProjectIdeaOnAgenda(IDEA, MEETING, ITEM, "koordinator", T))
                .expectEvents(ON_AGENDA);
    }

    @Test
    void placingAnIdeaOnTheSameMeetingTwiceRecordsItOnce() {
        fixture.given(PROPOSED, ON_AGENDA)
                .when(new PlaceProjectIdeaOnAgenda(IDEA, MEETING, ITEM, "koordinator", T))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anIdeaOnTheAgendaOfAHeldMeetingIsDiscussed() {
        fixture.given(PROPOSED, ON_AGENDA)
                .when(new MarkProjectIdeaDiscussed(IDEA, MEETING, "koordinator", T))
                .expectEvents(new ProjectIdeaDiscussed(IDEA, MEETING, "koordinator", T));
    }

    @Test
    void anIdeaNotOnThatMeetingsAgendaIsNotMarkedDiscussed() {
        fixture.given(PROPOSED)
                .when(new MarkProjectIdeaDiscussed(IDEA, MEETING, "koordinator", T))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDiscussedIdeaCanBeShelved() {
        fixture.given(PROPOSED, ON_AGENDA, new ProjectIdeaDiscussed(IDEA, MEETING, "koordinator", T))
                .when(new ShelveProjectIdea(IDEA, "keine Mittel", "koordinator", T))
                .expectEvents(new ProjectIdeaShelved(IDEA, "keine Mittel", "koordinator", T));
    }

    @Test
    void anIdeaOnTheAgendaCannotBeShelvedBeforeItIsDiscussed() {
        fixture.given(PROPOSED, ON_AGENDA)
                .when(new ShelveProjectIdea(IDEA, "keine Mittel", "koordinator", T))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void aShelvedIdeaCannotBePutOnAnAgenda() {
        fixture.given(PROPOSED, new ProjectIdeaShelved(IDEA, "keine Mittel", "koordinator", T))
                .when(new PlaceProjectIdeaOnAgenda(IDEA, MEETING, ITEM, "koordinator", T))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void aRecommendationMovesTheIdeaToRecommendedOnce() {
        fixture.given(PROPOSED, ON_AGENDA, new ProjectIdeaDiscussed(IDEA, MEETING, "koordinator", T))
                .when(new de.gremium.events.idea.MarkProjectIdeaRecommended(IDEA, new RecommendationId("rec-1"), "koordinator", T))
                .expectEvents(new de.gremium.events.idea.ProjectIdeaRecommended(IDEA, new RecommendationId("rec-1"), "koordinator", T));
        fixture.given(PROPOSED, new de.gremium.events.idea.ProjectIdeaRecommended(IDEA, new RecommendationId("rec-1"), "koordinator", T))
                .when(new de.gremium.events.idea.MarkProjectIdeaRecommended(IDEA, new RecommendationId("rec-1"), "koordinator", T))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
