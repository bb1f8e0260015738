package de.gremium.query.scheduling;

import static de.gremium.events.scheduling.Availability.IF_NEED_BE;
import static de.gremium.events.scheduling.Availability.NO;
import static de.gremium.events.scheduling.Availability.YES;
import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.events.group.GroupId;
import de.gremium.events.group.MemberAppointed;
import de.gremium.events.group.MemberId;
import de.gremium.events.group.MemberWithdrew;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.scheduling.Availability;
import de.gremium.events.scheduling.CandidateSlot;
import de.gremium.events.scheduling.FetchSchedulingPoll;
import de.gremium.events.scheduling.MeetingDateFixed;
import de.gremium.events.scheduling.SchedulingPollAnswered;
import de.gremium.events.scheduling.SchedulingPollId;
import de.gremium.events.scheduling.SchedulingPollOpened;
import de.gremium.query.ViewStore;
import de.gremium.query.scheduling.SchedulingPollDetail.TallyEntry;
import de.gremium.query.scheduling.SchedulingPollView.PollStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scheduling polls as a plain object over a real wire-protocol store. */
class SchedulingPollProjectionTest {

    private static final SchedulingPollId POLL = new SchedulingPollId("umfrage-2027-Q1");
    private static final MeetingId MEETING = new MeetingId("regular-2027-Q1");
    private static final Instant T0 = Instant.parse("2027-01-11T09:00:00Z");

    private ViewStore store;
    private SchedulingPollProjection projection;
    private SchedulingPollQueries queries;

    @BeforeEach
    void setUp() {
        store = ViewStore.open();
        projection = new SchedulingPollProjection(store.mongo());
        queries = new SchedulingPollQueries(store.mongo());
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static CandidateSlot slot(String id, String start, boolean preferred, String... conflicts) {
        Instant at = Instant.parse(start);
        return new CandidateSlot(id, at, at.plusSeconds(3600), preferred, List.of(conflicts));
    }

    private static SchedulingPollOpened opened() {
        return new SchedulingPollOpened(POLL, MEETING, List.of(
                slot("mi-03-03", "2027-03-03T12:00:00Z", true),
                slot("mi-03-10", "2027-03-10T12:00:00Z", true, "Stadtrat 10.03."),
                slot("do-03-11", "2027-03-11T09:00:00Z", false),
                slot("mi-03-17", "2027-03-17T12:00:00Z", true)), "koordinator", T0, null);
    }

    private static SchedulingPollAnswered answered(String member, Instant at, Map<String, Availability> answers) {
        return new SchedulingPollAnswered(POLL, new MemberId(member), answers, at);
    }

    private SchedulingPollDetail poll() {
        return queries.handle(new FetchSchedulingPoll(POLL)).orElseThrow();
    }

    @Test
    void anOpenedPollListsItsCandidatesWithTheirFlags() {
        projection.on(opened(), 0);

        SchedulingPollDetail poll = poll();
        assertThat(poll.status()).isEqualTo(PollStatus.OPEN);
        assertThat(poll.meetingId()).isEqualTo(MEETING.value());
        assertThat(poll.candidates()).extracting(SchedulingPollView.Candidate::candidateId)
                .containsExactly("mi-03-03", "mi-03-10", "do-03-11", "mi-03-17");
        assertThat(poll.candidates().get(1).conflicts()).containsExactly("Stadtrat 10.03.");
        assertThat(poll.candidates().get(2).withinPreferredWindow()).isFalse();
        assertThat(poll.answers()).isEmpty();
        assertThat(poll.tally()).extracting(TallyEntry::candidateId).as("no answers: by date")
                .containsExactly("mi-03-03", "mi-03-10", "do-03-11", "mi-03-17");
        assertThat(poll.fixed()).isNull();
    }

    @Test
    void aLaterAnswerReplacesTheMembersEarlierOneAsAWhole() {
        projection.on(opened(), 0);
        projection.on(answered("anna.amt50", T0.plusSeconds(10), Map.of("mi-03-03", YES, "mi-03-10", NO)), 1);
        projection.on(answered("anna.amt50", T0.plusSeconds(20), Map.of("mi-03-10", IF_NEED_BE)), 2);

        SchedulingPollDetail poll = poll();
        assertThat(poll.answers()).singleElement().satisfies(answer -> {
            assertThat(answer.choices()).containsExactly(Map.entry("mi-03-10", IF_NEED_BE));
            assertThat(answer.answeredAt()).isEqualTo(T0.plusSeconds(20));
        });
        TallyEntry first = tallyOf(poll, "mi-03-03");
        assertThat(first.yes()).isZero();
        assertThat(first.unanswered()).isEqualTo(1);
        assertThat(tallyOf(poll, "mi-03-10").ifNeedBe()).isEqualTo(1);
        assertThat(tallyOf(poll, "mi-03-10").no()).isZero();
    }

    @Test
    void theTallyRanksFewestNoThenMostYesThenMostIfNeedBeThenTheEarlierDate() {
        projection.on(opened(), 0);
        projection.on(answered("a", T0, Map.of("mi-03-03", NO, "mi-03-10", YES, "do-03-11", YES, "mi-03-17", IF_NEED_BE)), 1);
        projection.on(answered("b", T0, Map.of("mi-03-03", YES, "mi-03-10", YES, "do-03-11", IF_NEED_BE, "mi-03-17", YES)), 2);
        projection.on(answered("c", T0, Map.of("mi-03-03", YES, "mi-03-10", IF_NEED_BE, "do-03-11", YES, "mi-03-17", YES)), 3);

        // mi-03-03: 1 NO; mi-03-10: 0 NO, 2 YES, 1 IF; do-03-11: 0 NO, 2 YES, 1 IF (later); mi-03-17: 0 NO, 2 YES, 1 IF (latest)
        List<TallyEntry> tally = poll().tally();
        assertThat(tally).extracting(TallyEntry::candidateId).containsExactly("mi-03-10", "do-03-11", "mi-03-17", "mi-03-03");
        assertThat(tally).extracting(TallyEntry::rank).containsExactly(1, 2, 3, 4);

        projection.on(answered("d", T0, Map.of("mi-03-17", YES, "do-03-11", IF_NEED_BE)), 4);
        assertThat(poll().tally()).extracting(TallyEntry::candidateId).startsWith("mi-03-17", "do-03-11", "mi-03-10");
    }

    @Test
    void fixingTheDateClosesThePollOnItsCandidate() {
        projection.on(opened(), 0);
        projection.on(answered("a", T0, Map.of("mi-03-10", YES)), 1);
        projection.on(new MeetingDateFixed(POLL, MEETING, "mi-03-10", Instant.parse("2027-03-10T12:00:00Z"),
                Instant.parse("2027-03-10T13:00:00Z"), "koordinator", T0.plusSeconds(100)), 2);

        SchedulingPollDetail poll = poll();
        assertThat(poll.status()).isEqualTo(PollStatus.CLOSED);
        assertThat(poll.fixed().candidateId()).isEqualTo("mi-03-10");
        assertThat(poll.fixed().start()).isEqualTo(Instant.parse("2027-03-10T12:00:00Z"));
        assertThat(tallyOf(poll, "mi-03-10").fixed()).isTrue();
        assertThat(poll.version()).isEqualTo(2);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        SchedulingPollOpened opened = opened();
        SchedulingPollAnswered first = answered("anna.amt50", T0.plusSeconds(10), Map.of("mi-03-03", YES, "mi-03-10", NO));
        SchedulingPollAnswered second = answered("anna.amt50", T0.plusSeconds(20), Map.of("mi-03-10", IF_NEED_BE));
        SchedulingPollAnswered other = answered("jonas.fb32", T0.plusSeconds(30), Map.of("mi-03-17", YES));
        projection.on(opened, 0);
        projection.on(first, 1);
        projection.on(second, 2);
        projection.on(other, 3);
        SchedulingPollDetail once = poll();

        projection.on(opened, 0);
        projection.on(first, 1);
        projection.on(second, 2);
        projection.on(other, 3);
        projection.on(first, 1);
        assertThat(poll()).isEqualTo(once);
        assertThat(once.answers()).extracting(SchedulingPollDetail.Answer::memberId)
                .containsExactly("anna.amt50", "jonas.fb32");
        assertThat(once.answers().get(0).choices()).containsOnlyKeys("mi-03-10");
    }

    @Test
    void aResetEmptiesThePollsForAReplay() {
        projection.on(opened(), 0);
        projection.reset();
        assertThat(queries.handle(new FetchSchedulingPoll(POLL))).isEmpty();
    }

    private static TallyEntry tallyOf(SchedulingPollDetail poll, String candidate) {
        return poll.tally().stream().filter(t -> t.candidateId().equals(candidate)).findFirst().orElseThrow();
    }

    private void appoint(String member, String name, long sequence) {
        projection.on(new MemberAppointed(GroupId.PROJEKTGRUPPE_INTEGRATION, new MemberId(member), name, "Amt 50",
                "koordinator", T0.minusSeconds(3600 - sequence), null), sequence);
    }

    @Test
    void whoHasNotAnsweredAreTheMembersAtTheOpeningWithoutAnAnswer() {
        appoint("anna.amt50", "Anna Becker", 1);
        appoint("jonas.fb32", "Jonas Wolf", 2);
        appoint("carla.amt16", "Carla Stein", 3);
        projection.on(new MemberWithdrew(GroupId.PROJEKTGRUPPE_INTEGRATION, new MemberId("carla.amt16"), "Wechsel",
                "koordinator", T0.minusSeconds(60)), 4);
        projection.on(opened(), 0);
        appoint("dora.fb50", "Dora Neu", 5);
        projection.on(answered("anna.amt50", T0.plusSeconds(60), Map.of("mi-03-03", YES)), 1);

        assertThat(poll().notAnswered()).as("withdrawn before, appointed after the opening: not asked")
                .extracting(SchedulingPollView.Member::memberId).containsExactly("jonas.fb32");

        projection.on(answered("jonas.fb32", T0.plusSeconds(120), Map.of("mi-03-03", NO)), 2);
        projection.on(answered("dora.fb50", T0.plusSeconds(180), Map.of("mi-03-03", YES)), 3);

        assertThat(poll().notAnswered()).isEmpty();
    }

    @Test
    void theListRowCarriesTheTallyAndWhoHasNotAnsweredYet() {
        SchedulingPollId closed = new SchedulingPollId("umfrage-2026-Q4");
        projection.on(new SchedulingPollOpened(closed, new MeetingId("regular-2026-Q4"), List.of(
                slot("mi-10-07", "2026-10-07T11:00:00Z", true)), "koordinator", T0.minusSeconds(86_400), null), 0);
        projection.on(new MeetingDateFixed(closed, new MeetingId("regular-2026-Q4"), "mi-10-07",
                Instant.parse("2026-10-07T11:00:00Z"), Instant.parse("2026-10-07T12:00:00Z"), "koordinator", T0), 1);
        appoint("anna.amt50", "Anna Becker", 1);
        appoint("jonas.fb32", "Jonas Wolf", 2);
        projection.on(opened(), 0);
        projection.on(answered("anna.amt50", T0.plusSeconds(60), Map.of("mi-03-03", YES, "mi-03-17", IF_NEED_BE)), 1);

        SchedulingPollQueries.SchedulingPollPage all = queries.handle(new FetchSchedulingPolls(null, null, 0, 20));
        assertThat(all.rows()).extracting(SchedulingPollRow::pollId).containsExactly(POLL.value(), closed.value());
        SchedulingPollRow open = all.rows().get(0);
        assertThat(open.status()).isEqualTo(PollStatus.OPEN);
        assertThat(open.answered()).isEqualTo(1);
        assertThat(open.notAnsweredCount()).isEqualTo(1);
        assertThat(open.notAnswered()).isEqualTo("Jonas Wolf (jonas.fb32)");
        assertThat(open.leadingCandidate()).isEqualTo("mi-03-03");
        assertThat(open.tally()).startsWith("mi-03-03: YES 1 / IF_NEED_BE 0 / NO 0, mi-03-17: YES 0 / IF_NEED_BE 1 / NO 0");
        assertThat(open.candidates()).isEqualTo(4);

        assertThat(queries.handle(new FetchSchedulingPolls(PollStatus.CLOSED, null, 0, 20)).rows())
                .singleElement().satisfies(row -> {
                    assertThat(row.pollId()).isEqualTo(closed.value());
                    assertThat(row.fixedCandidate()).isEqualTo("mi-10-07");
                    assertThat(row.notAnswered()).as("the group had no members yet").isNull();
                });
    }

    @Test
    void aMemberEventDeliveredTwiceChangesNothing() {
        appoint("anna.amt50", "Anna Becker", 1);
        projection.on(new MemberWithdrew(GroupId.PROJEKTGRUPPE_INTEGRATION, new MemberId("anna.amt50"), "Wechsel",
                "koordinator", T0.minusSeconds(60)), 2);
        appoint("anna.amt50", "Anna Becker", 1);
        projection.on(opened(), 0);

        assertThat(poll().notAnswered()).as("still withdrawn").isEmpty();
    }
}
