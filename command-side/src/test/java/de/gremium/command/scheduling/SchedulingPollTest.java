package de.gremium.command.scheduling;

import de.gremium.events.group.MemberId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.scheduling.AnswerSchedulingPoll;
import de.gremium.events.scheduling.Availability;
import de.gremium.events.scheduling.CandidateSlot;
import de.gremium.events.scheduling.FixMeetingDate;
import de.gremium.events.scheduling.MeetingDateFixed;
import de.gremium.events.scheduling.OpenSchedulingPoll;
import de.gremium.events.scheduling.SchedulingPollAnswered;
import de.gremium.events.scheduling.SchedulingPollId;
import de.gremium.events.scheduling.SchedulingPollOpened;
import de.gremium.platform.refusal.Refusal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchedulingPollTest {

    private static final SchedulingPollId POLL = new SchedulingPollId("p-1");
    private static final MeetingId MEETING = new MeetingId("regular-2027-Q1");
    private static final Instant T = Instant.parse("2026-12-01T09:00:00Z");
    private static final CandidateSlot JAN_13 = new CandidateSlot("2027-01-13T13:00", Instant.parse("2027-01-13T12:00:00Z"),
            Instant.parse("2027-01-13T13:00:00Z"), true, List.of());
    private static final CandidateSlot JAN_20 = new CandidateSlot("2027-01-20T13:00", Instant.parse("2027-01-20T12:00:00Z"),
            Instant.parse("2027-01-20T13:00:00Z"), true, List.of());
    private static final SchedulingPollOpened OPENED = new SchedulingPollOpened(POLL, MEETING, List.of(JAN_13, JAN_20), "koordinator", T, null);
    private static final MemberId ANNA = new MemberId("anna.amt50");

    private FixtureConfiguration<SchedulingPoll> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SchedulingPoll.class);
    }

    @Test
    void theCoordinatorOpensAPollOverCandidateDates() {
        fixture.givenNoPriorActivity()
                .when(new OpenSchedulingPoll(POLL, MEETING, List.of(JAN_13, JAN_20), "koordinator", T, null))
                .expectEvents(OPENED);
    }

    @Test
    void aPollWithoutCandidatesIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new OpenSchedulingPoll(POLL, MEETING, List.of(), "koordinator", T, null))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aCandidateListedTwiceIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new OpenSchedulingPoll(POLL, MEETING, List.of(JAN_13, JAN_13), "koordinator", T, null))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aMemberAnswersCandidatesYesIfNeedBeOrNo() {
        Map<String, Availability> answers = Map.of(JAN_13.candidateId(), Availability.YES, JAN_20.candidateId(), Availability.IF_NEED_BE);
        fixture.given(OPENED)
                .when(new AnswerSchedulingPoll(POLL, ANNA, answers, T))
                .expectEvents(new SchedulingPollAnswered(POLL, ANNA, answers, T));
    }

    @Test
    void anAnswerForAnUnknownCandidateIsRefused() {
        fixture.given(OPENED)
                .when(new AnswerSchedulingPoll(POLL, ANNA, Map.of("2027-02-30T13:00", Availability.YES), T))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void theCoordinatorFixesTheDateOnACandidate() {
        fixture.given(OPENED)
                .when(new FixMeetingDate(POLL, JAN_20.candidateId(), "koordinator", T))
                .expectEvents(new MeetingDateFixed(POLL, MEETING, JAN_20.candidateId(), JAN_20.start(), JAN_20.end(), "koordinator", T));
    }

    @Test
    void aClosedPollTakesNoMoreAnswers() {
        fixture.given(OPENED, new MeetingDateFixed(POLL, MEETING, JAN_20.candidateId(), JAN_20.start(), JAN_20.end(), "koordinator", T))
                .when(new AnswerSchedulingPoll(POLL, ANNA, Map.of(JAN_13.candidateId(), Availability.NO), T))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void aDateThatIsNotACandidateCannotBeFixed() {
        fixture.given(OPENED)
                .when(new FixMeetingDate(POLL, "2027-01-27T13:00", "koordinator", T))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void theCoordinatorSetsWhenTheAnswersAreDue() {
        Instant due = Instant.parse("2027-01-08T12:00:00Z");
        fixture.givenNoPriorActivity()
                .when(new OpenSchedulingPoll(POLL, MEETING, List.of(JAN_13, JAN_20), "koordinator", T, due))
                .expectEvents(new SchedulingPollOpened(POLL, MEETING, List.of(JAN_13, JAN_20), "koordinator", T, due));
    }

    @Test
    void answersDueBeforeThePollOpensAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new OpenSchedulingPoll(POLL, MEETING, List.of(JAN_13, JAN_20), "koordinator", T, T))
                .expectException(Refusal.Invalid.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("in the future"))
                .expectNoEvents();
    }

    @Test
    void answersDueOnlyWhenTheFirstCandidateHasStartedAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new OpenSchedulingPoll(POLL, MEETING, List.of(JAN_20, JAN_13), "koordinator", T, JAN_13.start()))
                .expectException(Refusal.Invalid.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("before the first candidate"))
                .expectNoEvents();
    }
}
