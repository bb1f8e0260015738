package de.gremium.command.meeting;

import de.gremium.events.group.MemberId;
import de.gremium.events.Quarter;
import de.gremium.events.meeting.AddAgendaItem;
import de.gremium.events.meeting.AgendaItemAdded;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.AgendaReordered;
import de.gremium.events.meeting.AgendaTopic;
import de.gremium.events.meeting.AgendaTopicKind;
import de.gremium.events.meeting.CalendarOverride;
import de.gremium.events.meeting.CancelMeeting;
import de.gremium.events.meeting.Guest;
import de.gremium.events.meeting.GuestId;
import de.gremium.events.meeting.GuestInvited;
import de.gremium.events.meeting.InviteGuest;
import de.gremium.events.meeting.MeetingCancelled;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.meeting.MeetingRescheduled;
import de.gremium.events.meeting.MeetingScheduled;
import de.gremium.events.meeting.PlanMeeting;
import de.gremium.events.meeting.RecordMeetingHeld;
import de.gremium.events.meeting.ReorderAgenda;
import de.gremium.events.meeting.RescheduleMeeting;
import de.gremium.events.meeting.ScheduleMeeting;
import de.gremium.platform.refusal.Refusal;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MeetingTest {

    private static final MeetingId Q1 = MeetingRules.regularMeetingId(new Quarter(2027, 1));
    private static final Instant PLANNED_AT = Instant.parse("2026-12-01T09:00:00Z");
    /** Wednesday 13 January 2027, 13:00 in Magdeburg (CET, UTC+1). */
    private static final Instant START = Instant.parse("2027-01-13T12:00:00Z");
    private static final Instant END = START.plusSeconds(3600);
    private static final MeetingPlanned PLANNED = new MeetingPlanned(Q1, 2027, 1, MeetingKind.REGULAR, "Sitzung Q1/2027", 60,
            "koordinator", PLANNED_AT);
    private static final MeetingScheduled SCHEDULED = new MeetingScheduled(Q1, START, END, "Altes Rathaus", "koordinator", PLANNED_AT);
    private static final AgendaTopic IDEA_TOPIC = new AgendaTopic(AgendaTopicKind.PROJECT_IDEA, "i-1", "Sprachpaten");
    private static final AgendaTopic FREE_TOPIC = new AgendaTopic(AgendaTopicKind.FREE, null, "Verschiedenes");
    private static final AgendaItemId A1 = new AgendaItemId("a-1");
    private static final AgendaItemId A2 = new AgendaItemId("a-2");
    private static final GuestId JOBCENTER = new GuestId("g-1");

    private FixtureConfiguration<Meeting> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Meeting.class);
    }

    @Test
    void theRegularMeetingOfAQuarterIsPlannedUnderItsQuarterlyId() {
        fixture.givenNoPriorActivity()
                .when(new PlanMeeting(Q1, 2027, 1, MeetingKind.REGULAR, "Sitzung Q1/2027", 60, "koordinator", PLANNED_AT))
                .expectEvents(PLANNED);
    }

    @Test
    void aDateKeptAgainstTheBlockedCalendarCarriesTheReasonAndTheClashesIntoItsEvent() {
        CalendarOverride override = new CalendarOverride("Der Beirat tagt nur an diesem Tag",
                List.of("Stadtratssitzung 'Stadtrat' 14:00–17:00"));

        fixture.given(PLANNED)
                .when(new ScheduleMeeting(Q1, START, "Altes Rathaus", "koordinator", PLANNED_AT, override))
                .expectEvents(new MeetingScheduled(Q1, START, END, "Altes Rathaus", "koordinator", PLANNED_AT, override));
    }

    @Test
    void aRescheduledDateKeptAgainstTheBlockedCalendarCarriesTheReasonAndTheClashesIntoItsEvent() {
        CalendarOverride override = new CalendarOverride("Raum nur dann frei", List.of("Ausschusssitzung 'Bau' 12:00–13:30"));
        Instant later = START.plusSeconds(7 * 86_400);

        fixture.given(PLANNED, SCHEDULED)
                .when(new RescheduleMeeting(Q1, later, "Altes Rathaus", "verlegt", "koordinator", PLANNED_AT, override))
                .expectEvents(new MeetingRescheduled(Q1, later, later.plusSeconds(3600), "Altes Rathaus", "verlegt",
                        "koordinator", PLANNED_AT, override));
    }

    @Test
    void anOverrideOfTheBlockedCalendarWithoutAReasonIsRefused() {
        fixture.given(PLANNED)
                .when(new ScheduleMeeting(Q1, START, "Altes Rathaus", "koordinator", PLANNED_AT,
                        new CalendarOverride(" ", List.of("Stadtratssitzung 'Stadtrat' 14:00–17:00"))))
                .expectException(Refusal.Invalid.class)
                .expectExceptionMessage("override.reason must not be blank")
                .expectNoEvents();
    }

    @Test
    void aRegularMeetingUnderAnyOtherIdIsRefusedSoThatAQuarterHasOnlyOne() {
        fixture.givenNoPriorActivity()
                .when(new PlanMeeting(new MeetingId("m-x"), 2027, 1, MeetingKind.REGULAR, "Zweite", 60, "koordinator", PLANNED_AT))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aMeetingLongerThanOneHourIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new PlanMeeting(Q1, 2027, 1, MeetingKind.REGULAR, "Zu lang", 61, "koordinator", PLANNED_AT))
                .expectException(Refusal.Invalid.class)
                .expectExceptionMessage("a meeting lasts 1 to 60 minutes (rules of procedure); 61 is not allowed")
                .expectNoEvents();
    }

    @Test
    void aShorterExtraMeetingCanBePlannedInAnyQuarter() {
        MeetingId extra = new MeetingId("m-extra");
        fixture.givenNoPriorActivity()
                .when(new PlanMeeting(extra, 2027, 1, MeetingKind.EXTRA, "Sondersitzung", 30, "koordinator", PLANNED_AT))
                .expectEvents(new MeetingPlanned(extra, 2027, 1, MeetingKind.EXTRA, "Sondersitzung", 30, "koordinator", PLANNED_AT));
    }

    @Test
    void aFifthQuarterIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new PlanMeeting(new MeetingId("m"), 2027, 5, MeetingKind.EXTRA, "x", 30, "koordinator", PLANNED_AT))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aPlannedMeetingIsScheduledWithinItsQuarterAndEndsAfterItsDuration() {
        fixture.given(PLANNED)
                .when(new ScheduleMeeting(Q1, START, " Altes Rathaus ", "koordinator", PLANNED_AT))
                .expectEvents(SCHEDULED);
    }

    @Test
    void aMeetingCannotBeScheduledOutsideItsQuarterInLocalTime() {
        // 31 March 2027 23:30 in Magdeburg is still Q1 in UTC? No: 22:30 UTC on 31 March, but 1 April 00:30 CEST locally.
        fixture.given(PLANNED)
                .when(new ScheduleMeeting(Q1, Instant.parse("2027-03-31T22:30:00Z"), "x", "koordinator", PLANNED_AT))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aScheduledMeetingIsMovedByReschedulingNotBySchedulingAgain() {
        fixture.given(PLANNED, SCHEDULED)
                .when(new ScheduleMeeting(Q1, START.plusSeconds(7 * 86400), "x", "koordinator", PLANNED_AT))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void aScheduledMeetingIsRescheduledWithAReason() {
        Instant later = START.plusSeconds(7 * 86400);
        fixture.given(PLANNED, SCHEDULED)
                .when(new RescheduleMeeting(Q1, later, "Altes Rathaus", "Stadtrat tagt", "koordinator", PLANNED_AT))
                .expectEvents(new MeetingRescheduled(Q1, later, later.plusSeconds(3600), "Altes Rathaus", "Stadtrat tagt",
                        "koordinator", PLANNED_AT));
    }

    @Test
    void agendaItemsAreAppendedOrInsertedAtAPosition() {
        fixture.given(PLANNED, new AgendaItemAdded(Q1, A1, IDEA_TOPIC, 0, "koordinator", PLANNED_AT))
                .when(new AddAgendaItem(Q1, A2, FREE_TOPIC, 0, "koordinator", PLANNED_AT))
                .expectEvents(new AgendaItemAdded(Q1, A2, FREE_TOPIC, 0, "koordinator", PLANNED_AT));
    }

    @Test
    void theSameProjectIdeaIsNotPutOnOneAgendaTwice() {
        fixture.given(PLANNED, new AgendaItemAdded(Q1, A1, IDEA_TOPIC, 0, "koordinator", PLANNED_AT))
                .when(new AddAgendaItem(Q1, A2, IDEA_TOPIC, null, "koordinator", PLANNED_AT))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void aPositionBeyondTheEndOfTheAgendaIsRefused() {
        fixture.given(PLANNED)
                .when(new AddAgendaItem(Q1, A1, FREE_TOPIC, 3, "koordinator", PLANNED_AT))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void theAgendaIsReorderedWhenEveryItemIsListedOnce() {
        fixture.given(PLANNED, new AgendaItemAdded(Q1, A1, IDEA_TOPIC, 0, "koordinator", PLANNED_AT),
                        new AgendaItemAdded(Q1, A2, FREE_TOPIC, 1, "koordinator", PLANNED_AT))
                .when(new ReorderAgenda(Q1, List.of(A2, A1), "koordinator", PLANNED_AT))
                .expectEvents(new AgendaReordered(Q1, List.of(A2, A1), "koordinator", PLANNED_AT));
    }

    @Test
    void aReorderingThatForgetsAnItemIsRefused() {
        fixture.given(PLANNED, new AgendaItemAdded(Q1, A1, IDEA_TOPIC, 0, "koordinator", PLANNED_AT),
                        new AgendaItemAdded(Q1, A2, FREE_TOPIC, 1, "koordinator", PLANNED_AT))
                .when(new ReorderAgenda(Q1, List.of(A2), "koordinator", PLANNED_AT))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aHeldMeetingRecordsAttendanceMinutesAndTheAgendaInItsOrder() {
        Instant after = END.plusSeconds(60);
        fixture.given(PLANNED, SCHEDULED, new AgendaItemAdded(Q1, A1, IDEA_TOPIC, 0, "koordinator", PLANNED_AT),
                        new AgendaItemAdded(Q1, A2, FREE_TOPIC, 0, "koordinator", PLANNED_AT),
                        new GuestInvited(Q1, new Guest(JOBCENTER, "Frau Schmidt", "Jobcenter", null), "koordinator", PLANNED_AT))
                .when(new RecordMeetingHeld(Q1, List.of(new MemberId("anna.amt50")), List.of(JOBCENTER), "Protokoll", "koordinator", after))
                .expectEvents(new MeetingHeld(Q1, List.of(new MemberId("anna.amt50")), List.of(JOBCENTER), "Protokoll",
                        List.of(FREE_TOPIC, IDEA_TOPIC), "koordinator", after));
    }

    @Test
    void aMeetingCannotBeRecordedAsHeldBeforeItBegan() {
        fixture.given(PLANNED, SCHEDULED)
                .when(new RecordMeetingHeld(Q1, List.of(new MemberId("anna.amt50")), List.of(), "Protokoll", "koordinator",
                        START.minusSeconds(3600)))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void aMeetingWithoutADateCannotBeHeld() {
        fixture.given(PLANNED)
                .when(new RecordMeetingHeld(Q1, List.of(new MemberId("anna.amt50")), List.of(), "Protokoll", "koordinator", END))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void aGuestIsInvitedWithTheAddressTheInvitationGoesTo() {
        Guest guest = new Guest(JOBCENTER, "Frau Schmidt", "Jobcenter", "m.schmidt@jobcenter.example");
        fixture.given(PLANNED, SCHEDULED)
                .when(new InviteGuest(Q1, guest, "koordinator", PLANNED_AT))
                .expectEvents(new GuestInvited(Q1, guest, "koordinator", PLANNED_AT));
    }

    @Test
    void aGuestWithWhatIsNotAnAddressIsRefused() {
        fixture.given(PLANNED, SCHEDULED)
                .when(new InviteGuest(Q1, new Guest(JOBCENTER, "Frau Schmidt", "Jobcenter", "Frau Schmidt"), "koordinator",
                        PLANNED_AT))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aGuestWhoWasNotInvitedCannotBeRecordedAsPresent() {
        fixture.given(PLANNED, SCHEDULED)
                .when(new RecordMeetingHeld(Q1, List.of(new MemberId("anna.amt50")), List.of(JOBCENTER), "Protokoll", "koordinator", END))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aMeetingIsCancelledWithAReason() {
        fixture.given(PLANNED, SCHEDULED)
                .when(new CancelMeeting(Q1, "Haushaltssperre", "koordinator", PLANNED_AT))
                .expectEvents(new MeetingCancelled(Q1, "Haushaltssperre", "koordinator", PLANNED_AT));
    }

    @Test
    void aCancelledMeetingGetsNoNewAgendaItems() {
        fixture.given(PLANNED, new MeetingCancelled(Q1, "x", "koordinator", PLANNED_AT))
                .when(new AddAgendaItem(Q1, A1, FREE_TOPIC, null, "koordinator", PLANNED_AT))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void aHeldMeetingCannotBeCancelled() {
        fixture.given(PLANNED, SCHEDULED, new MeetingHeld(Q1, List.of(new MemberId("a")), List.of(), "p", List.of(), "koordinator", END))
                .when(new CancelMeeting(Q1, "zu spät", "koordinator", END))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }
}
