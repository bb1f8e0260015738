package de.gremium.query.meeting;

import static de.gremium.query.meeting.MeetingEvents.T0;
import static de.gremium.query.meeting.MeetingEvents.cancelled;
import static de.gremium.query.meeting.MeetingEvents.item;
import static de.gremium.query.meeting.MeetingEvents.planned;
import static de.gremium.query.meeting.MeetingEvents.removed;
import static de.gremium.query.meeting.MeetingEvents.reordered;
import static de.gremium.query.meeting.MeetingEvents.rescheduled;
import static de.gremium.query.meeting.MeetingEvents.scheduled;
import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.events.PolicyField;
import de.gremium.events.group.GroupId;
import de.gremium.events.group.MemberAppointed;
import de.gremium.events.group.MemberId;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.idea.ProjectIdeaPlacedOnAgenda;
import de.gremium.events.idea.ProjectIdeaProposed;
import de.gremium.events.idea.ProjectIdeaWithdrawn;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.AgendaTopicKind;
import de.gremium.events.meeting.CalendarOverride;
import de.gremium.events.meeting.FetchMeeting;
import de.gremium.events.meeting.FetchWorkPlan;
import de.gremium.events.meeting.Guest;
import de.gremium.events.meeting.GuestId;
import de.gremium.events.meeting.GuestInvited;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingRescheduled;
import de.gremium.events.meeting.MeetingScheduled;
import de.gremium.events.meeting.MeetingStatus;
import de.gremium.query.ViewStore;
import de.gremium.query.group.MemberDirectoryProjection;
import de.gremium.query.idea.ProjectIdeaProjection;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The work plan's meetings as a plain object over a real wire-protocol store. */
class WorkPlanProjectionTest {

    private static final String Q1 = "regular-2027-Q1";
    private static final String Q2 = "regular-2027-Q2";
    private static final String EXTRA = "extra-2027-sprache";

    private ViewStore store;
    private MeetingEvents meetings;
    private WorkPlanQueries queries;
    private AnnotationEventHandlerAdapter ideas;
    private AnnotationEventHandlerAdapter members;

    @BeforeEach
    void setUp() {
        store = ViewStore.open();
        meetings = new MeetingEvents(new MeetingProjection(store.mongo()));
        queries = new WorkPlanQueries(store.mongo());
        // the other projections' handlers are package-private: drive them as Axon does
        ideas = new AnnotationEventHandlerAdapter(new ProjectIdeaProjection(store.mongo()));
        members = new AnnotationEventHandlerAdapter(new MemberDirectoryProjection(store.mongo()));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static void handle(AnnotationEventHandlerAdapter handler, String aggregate, long sequence, Object event)
            throws Exception {
        EventMessage<?> message = new GenericDomainEventMessage<>("Aggregate", aggregate, sequence, event);
        handler.handle(message);
    }

    private MeetingDetail meeting(String id) {
        return queries.handle(new FetchMeeting(new MeetingId(id))).orElseThrow();
    }

    private WorkPlan workPlan(int year) {
        return queries.handle(new FetchWorkPlan(year));
    }

    @Test
    void theYearHasFourQuartersWithTheirMeetingsByDate() {
        meetings.given(
                planned(Q2, 2027, 2, MeetingKind.REGULAR, null),
                planned(EXTRA, 2027, 2, MeetingKind.EXTRA, "Sprachkurse"),
                planned(Q1, 2027, 1, MeetingKind.REGULAR, null),
                planned("regular-2028-Q1", 2028, 1, MeetingKind.REGULAR, null),
                scheduled(EXTRA, "2027-04-14T11:00:00Z", "Altes Rathaus, Raum 2"),
                scheduled(Q2, "2027-05-12T11:00:00Z", "Altes Rathaus, Raum 2"));

        WorkPlan plan = workPlan(2027);
        assertThat(plan.quarters()).extracting(WorkPlan.Quarter::quarter).containsExactly(1, 2, 3, 4);
        assertThat(plan.quarters().get(0).meetings()).extracting(WorkPlan.Meeting::meetingId).containsExactly(Q1);
        assertThat(plan.quarters().get(1).meetings()).extracting(WorkPlan.Meeting::meetingId).containsExactly(EXTRA, Q2);
        assertThat(plan.quarters().get(1).meetings().get(1).status()).isEqualTo(MeetingStatus.SCHEDULED);
        assertThat(plan.quarters().get(2).meetings()).isEmpty();
        assertThat(plan.openItemsCarriedOver()).isEmpty();
        assertThat(workPlan(2026).quarters()).allMatch(q -> q.meetings().isEmpty());
    }

    @Test
    void theAgendaKeepsItsOrderThroughInsertionsRemovalsAndAReorder() {
        Instant t = T0.plusSeconds(100);
        meetings.given(planned(Q1, 2027, 1, MeetingKind.REGULAR, null),
                item(Q1, "a", AgendaTopicKind.FREE, null, "Begrüßung", 0, t),
                item(Q1, "b", AgendaTopicKind.PROJECT_IDEA, "idee-1", "Sprachcafé", 1, t),
                item(Q1, "c", AgendaTopicKind.PROBLEM_REPORT, "r-1", "Kurse ausgebucht", 1, t),
                item(Q1, "d", AgendaTopicKind.FREE, null, "Verschiedenes", 99, t),
                removed(Q1, "a", t));
        assertThat(meeting(Q1).meeting().agenda()).extracting(MeetingView.AgendaItem::agendaItemId)
                .containsExactly("c", "b", "d");

        meetings.given(reordered(Q1, t, "b", "c", "d"));
        List<WorkPlan.Topic> topics = workPlan(2027).quarters().get(0).meetings().get(0).agenda();
        assertThat(topics).extracting(WorkPlan.Topic::agendaItemId).containsExactly("b", "c", "d");
        assertThat(topics).extracting(WorkPlan.Topic::position).containsExactly(1, 2, 3);
        assertThat(topics.get(0).referenceId()).isEqualTo("idee-1");
    }

    @Test
    void aDateKeptAgainstTheBlockedCalendarShowsWhyAndWhatItClashesWith() {
        CalendarOverride scheduledAnyway = new CalendarOverride("Der Beirat tagt nur an diesem Tag",
                List.of("Stadtratssitzung 'Stadtrat' 14:00–17:00"));
        CalendarOverride movedAnyway = new CalendarOverride("Raum nur dann frei", List.of("Ausschusssitzung 'Bau' 12:00–13:30"));
        MeetingScheduled scheduled = scheduled(Q1, "2027-03-10T12:00:00Z", "Raum 1");
        MeetingRescheduled moved = rescheduled(Q1, "2027-03-17T12:00:00Z", "Raum 2", T0.plusSeconds(200));
        meetings.given(planned(Q1, 2027, 1, MeetingKind.REGULAR, null),
                new MeetingScheduled(scheduled.meetingId(), scheduled.start(), scheduled.end(), scheduled.location(),
                        scheduled.scheduledBy(), scheduled.scheduledAt(), scheduledAnyway));
        assertThat(meeting(Q1).meeting().calendarOverride()).isEqualTo(scheduledAnyway);

        meetings.given(new MeetingRescheduled(moved.meetingId(), moved.start(), moved.end(), moved.location(), moved.reason(),
                moved.rescheduledBy(), moved.rescheduledAt(), movedAnyway));
        MeetingView view = meeting(Q1).meeting();
        assertThat(view.calendarOverride()).isEqualTo(movedAnyway);
        assertThat(view.reschedules()).singleElement().extracting(MeetingView.Reschedule::calendarOverride).isEqualTo(movedAnyway);

        meetings.given(rescheduled(Q1, "2027-03-24T12:00:00Z", "Raum 2", T0.plusSeconds(300)));
        assertThat(meeting(Q1).meeting().calendarOverride()).as("a date clear of the calendar overrides nothing").isNull();
    }

    @Test
    void eachRescheduleIsRecordedAndRaisesTheCalendarSequence() {
        meetings.given(planned(Q1, 2027, 1, MeetingKind.REGULAR, null),
                scheduled(Q1, "2027-03-10T12:00:00Z", "Raum 1"));
        assertThat(meeting(Q1).meeting().icalSequence()).isZero();

        meetings.given(rescheduled(Q1, "2027-03-17T12:00:00Z", "Raum 2", T0.plusSeconds(200)),
                rescheduled(Q1, "2027-03-24T13:00:00Z", "Raum 2", T0.plusSeconds(300)));
        MeetingView view = meeting(Q1).meeting();
        assertThat(view.icalSequence()).isEqualTo(2);
        assertThat(view.start()).isEqualTo(Instant.parse("2027-03-24T13:00:00Z"));
        assertThat(view.reschedules()).hasSize(2);
        assertThat(view.reschedules().get(0).previousStart()).isEqualTo(Instant.parse("2027-03-10T12:00:00Z"));
        assertThat(view.reschedules().get(0).previousLocation()).isEqualTo("Raum 1");
        assertThat(view.reschedules().get(1).previousStart()).isEqualTo(Instant.parse("2027-03-17T12:00:00Z"));
        assertThat(view.firstScheduledAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aHeldMeetingShowsWhoAttendedByNameWithTheMinutes() throws Exception {
        handle(members, GroupId.PROJEKTGRUPPE_INTEGRATION.value(), 0, new MemberAppointed(GroupId.PROJEKTGRUPPE_INTEGRATION,
                new MemberId("anna.amt50"), "Anna Becker", "Amt 50", "koordinator", T0, null));
        meetings.given(planned(Q1, 2027, 1, MeetingKind.REGULAR, null),
                scheduled(Q1, "2027-03-10T12:00:00Z", "Raum 1"),
                new GuestInvited(new MeetingId(Q1), new Guest(new GuestId("g-1"), "Petra Jobst", "Jobcenter", null),
                        "koordinator", T0.plusSeconds(100)),
                new GuestInvited(new MeetingId(Q1), new Guest(new GuestId("g-2"), "Olaf Stadtwerk", "SWM", null),
                        "koordinator", T0.plusSeconds(110)),
                new MeetingHeld(new MeetingId(Q1), List.of(new MemberId("anna.amt50"), new MemberId("koordinator")),
                        List.of(new GuestId("g-1")), "Protokoll", List.of(), "koordinator", T0.plusSeconds(500)));

        MeetingDetail detail = meeting(Q1);
        assertThat(detail.meeting().status()).isEqualTo(MeetingStatus.HELD);
        assertThat(detail.meeting().minutes()).isEqualTo("Protokoll");
        assertThat(detail.meeting().guests()).hasSize(2);
        assertThat(detail.attendees()).containsExactly(new MeetingDetail.Attendee("anna.amt50", "Anna Becker"),
                new MeetingDetail.Attendee("koordinator", null));
        assertThat(detail.guestsPresent()).extracting(MeetingView.Guest::name).containsExactly("Petra Jobst");
        assertThat(detail.meeting().icalSequence()).as("holding is no change to the calendar entry").isZero();
    }

    @Test
    void aCancelledMeetingLeavesItsOpenItemsToTheYear() throws Exception {
        Instant t = T0.plusSeconds(100);
        proposeIdea("idee-open", 0);
        placeIdea("idee-open", Q1, "top-1", 1, t);
        proposeIdea("idee-moved", 0);
        placeIdea("idee-moved", Q1, "top-2", 1, t);
        placeIdea("idee-moved", Q2, "top-7", 2, t.plusSeconds(1000));
        proposeIdea("idee-withdrawn", 0);
        placeIdea("idee-withdrawn", Q1, "top-3", 1, t);
        handle(ideas, "idee-withdrawn", 2, new ProjectIdeaWithdrawn(new ProjectIdeaId("idee-withdrawn"), "erledigt",
                "koordinator", t.plusSeconds(900)));
        proposeIdea("idee-removed", 0);
        placeIdea("idee-removed", Q1, "top-6", 1, t);
        meetings.given(planned(Q1, 2027, 1, MeetingKind.REGULAR, null),
                planned(Q2, 2027, 2, MeetingKind.REGULAR, null),
                item(Q1, "top-1", AgendaTopicKind.PROJECT_IDEA, "idee-open", "Sprachcafé", 0, t),
                item(Q1, "top-2", AgendaTopicKind.PROJECT_IDEA, "idee-moved", "Mentoring", 1, t),
                item(Q1, "top-3", AgendaTopicKind.PROJECT_IDEA, "idee-withdrawn", "Fest", 2, t),
                item(Q1, "top-4", AgendaTopicKind.PROBLEM_REPORT, "r-open", "Kurse ausgebucht", 3, t),
                item(Q1, "top-5", AgendaTopicKind.PROBLEM_REPORT, "r-moved", "Dolmetscher fehlen", 4, t),
                item(Q1, "top-6", AgendaTopicKind.PROJECT_IDEA, "idee-removed", "Lesepaten", 5, t),
                item(Q1, "top-9", AgendaTopicKind.FREE, null, "Verschiedenes", 6, t),
                removed(Q1, "top-6", t.plusSeconds(10)),
                cancelled(Q1, "Krankheit", t.plusSeconds(500)),
                item(Q2, "top-7", AgendaTopicKind.PROJECT_IDEA, "idee-moved", "Mentoring", 0, t.plusSeconds(1000)),
                item(Q2, "top-8", AgendaTopicKind.PROBLEM_REPORT, "r-moved", "Dolmetscher fehlen", 1, t.plusSeconds(1000)));

        List<WorkPlan.OpenItem> open = workPlan(2027).openItemsCarriedOver();
        assertThat(open).extracting(WorkPlan.OpenItem::agendaItemId).containsExactly("top-1", "top-4", "top-9", "top-6");
        assertThat(open).extracting(WorkPlan.OpenItem::referenceId)
                .containsExactly("idee-open", "r-open", null, "idee-removed");
        assertThat(open).allSatisfy(item -> {
            assertThat(item.meetingId()).isEqualTo(Q1);
            assertThat(item.cancellationReason()).isEqualTo("Krankheit");
        });
        assertThat(open.get(0).title()).isEqualTo("Idee idee-open");
        assertThat(workPlan(2028).openItemsCarriedOver()).isEmpty();
    }

    @Test
    void anIdeaCancelledTwiceIsCarriedOverFromTheLaterMeetingOnly() throws Exception {
        Instant t = T0.plusSeconds(100);
        proposeIdea("idee-1", 0);
        placeIdea("idee-1", Q1, "top-1", 1, t);
        placeIdea("idee-1", Q2, "top-2", 2, t.plusSeconds(1000));
        meetings.given(planned(Q1, 2027, 1, MeetingKind.REGULAR, null),
                planned(Q2, 2027, 2, MeetingKind.REGULAR, null),
                item(Q1, "top-1", AgendaTopicKind.PROJECT_IDEA, "idee-1", "Sprachcafé", 0, t),
                cancelled(Q1, "Krankheit", t.plusSeconds(500)),
                item(Q2, "top-2", AgendaTopicKind.PROJECT_IDEA, "idee-1", "Sprachcafé", 0, t.plusSeconds(1000)),
                cancelled(Q2, "Haushaltssperre", t.plusSeconds(2000)));

        assertThat(workPlan(2027).openItemsCarriedOver()).singleElement().satisfies(item -> {
            assertThat(item.meetingId()).isEqualTo(Q2);
            assertThat(item.agendaItemId()).isEqualTo("top-2");
        });
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        Instant t = T0.plusSeconds(100);
        List<Object> history = List.of(planned(Q1, 2027, 1, MeetingKind.REGULAR, null),
                scheduled(Q1, "2027-03-10T12:00:00Z", "Raum 1"),
                item(Q1, "a", AgendaTopicKind.FREE, null, "Begrüßung", 0, t),
                item(Q1, "b", AgendaTopicKind.FREE, null, "Bericht", 0, t),
                new GuestInvited(new MeetingId(Q1), new Guest(new GuestId("g-1"), "Petra Jobst", "Jobcenter", null),
                        "koordinator", t),
                rescheduled(Q1, "2027-03-17T12:00:00Z", "Raum 2", t.plusSeconds(10)),
                reordered(Q1, t.plusSeconds(20), "a", "b"),
                removed(Q1, "b", t.plusSeconds(30)),
                cancelled(Q1, "Krankheit", t.plusSeconds(40)));
        meetings.given(history.toArray());
        MeetingDetail once = meeting(Q1);

        for (int sequence = 0; sequence < history.size(); sequence++) {
            meetings.apply(history.get(sequence), sequence);
        }
        meetings.apply(history.get(2), 2);
        meetings.apply(history.get(5), 5);

        assertThat(meeting(Q1)).isEqualTo(once);
        assertThat(once.meeting().agenda()).extracting(MeetingView.AgendaItem::agendaItemId).containsExactly("a");
        assertThat(once.meeting().icalSequence()).isEqualTo(2);
        assertThat(once.meeting().reschedules()).hasSize(1);
        assertThat(once.meeting().guests()).hasSize(1);
        assertThat(once.meeting().version()).isEqualTo(8);
    }

    @Test
    void aResetEmptiesTheWorkPlanForAReplay() {
        meetings.given(planned(Q1, 2027, 1, MeetingKind.REGULAR, null));
        new MeetingProjection(store.mongo()).reset();
        assertThat(queries.handle(new FetchMeeting(new MeetingId(Q1)))).isEmpty();
        assertThat(workPlan(2027).quarters()).allMatch(q -> q.meetings().isEmpty());
    }

    private void proposeIdea(String id, long sequence) throws Exception {
        handle(ideas, id, sequence, new ProjectIdeaProposed(new ProjectIdeaId(id), "Idee " + id, "", Set.of(PolicyField.LANGUAGE),
                "koordinator", T0));
    }

    private void placeIdea(String id, String meeting, String item, long sequence, Instant at) throws Exception {
        handle(ideas, id, sequence, new ProjectIdeaPlacedOnAgenda(new ProjectIdeaId(id), new MeetingId(meeting),
                new AgendaItemId(item), "koordinator", at));
    }
}
