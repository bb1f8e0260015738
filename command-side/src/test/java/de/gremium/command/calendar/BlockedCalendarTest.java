package de.gremium.command.calendar;

import de.gremium.events.calendar.AppointmentKind;
import de.gremium.events.calendar.BlockedAppointment;
import de.gremium.events.calendar.BlockedCalendarSynced;
import de.gremium.events.calendar.RecordBlockedCalendarSync;
import de.gremium.platform.refusal.Refusal;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlockedCalendarTest {

    private static final String OPARL = "https://ratsinfo.magdeburg.test/oparl/body/1/meeting";
    private static final String ICS = "upload:Verwaltungstermine";
    private static final Instant T0 = Instant.parse("2027-01-15T09:00:00Z");
    private static final Instant T1 = T0.plusSeconds(3600);
    private static final Instant UNTIL_1 = Instant.parse("2026-12-12T08:15:00Z");
    private static final Instant UNTIL_2 = Instant.parse("2027-01-12T06:00:00Z");
    private static final String COORDINATOR = "koordinator";
    private static final BlockedAppointment COUNCIL = new BlockedAppointment(OPARL, OPARL + "/101", "42. Sitzung des Stadtrates",
            AppointmentKind.COUNCIL, Instant.parse("2027-01-13T13:00:00Z"), Instant.parse("2027-01-13T16:00:00Z"));
    private static final BlockedAppointment SERVICE = new BlockedAppointment(ICS, "dienstberatung@magdeburg.test",
            "Dienstberatung", AppointmentKind.SERVICE_MEETING, Instant.parse("2027-03-10T13:00:00Z"),
            Instant.parse("2027-03-10T14:00:00Z"));
    private static final BlockedCalendarSynced FIRST_OPARL_SYNC = new BlockedCalendarSynced(BlockedCalendar.ID, OPARL,
            List.of(COUNCIL), List.of(), UNTIL_1, COORDINATOR, T0);

    private FixtureConfiguration<BlockedCalendar> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BlockedCalendar.class);
    }

    private static RecordBlockedCalendarSync sync(String source, List<BlockedAppointment> upserted, List<String> removed,
            Instant modifiedUntil) {
        return new RecordBlockedCalendarSync(BlockedCalendar.ID, source, upserted, removed, modifiedUntil, COORDINATOR, T1);
    }

    @Test
    void theFirstSyncCreatesTheBlockedCalendar() {
        fixture.givenNoPriorActivity()
                .when(new RecordBlockedCalendarSync(BlockedCalendar.ID, OPARL, List.of(COUNCIL), List.of(), UNTIL_1, COORDINATOR, T0))
                .expectSuccessfulHandlerExecution()
                .expectEvents(FIRST_OPARL_SYNC);
    }

    @Test
    void aLaterSyncOfTheSameSourceRecordsChangesAndRemovals() {
        BlockedAppointment moved = new BlockedAppointment(OPARL, OPARL + "/101", "42. Sitzung des Stadtrates",
                AppointmentKind.COUNCIL, Instant.parse("2027-01-13T14:00:00Z"), Instant.parse("2027-01-13T17:00:00Z"));
        fixture.given(FIRST_OPARL_SYNC)
                .when(sync(OPARL, List.of(moved), List.of(OPARL + "/102"), UNTIL_2))
                .expectEvents(new BlockedCalendarSynced(BlockedCalendar.ID, OPARL, List.of(moved), List.of(OPARL + "/102"),
                        UNTIL_2, COORDINATOR, T1));
    }

    @Test
    void aSyncThatReadAnOlderStateOfASourceIsRefused() {
        fixture.given(new BlockedCalendarSynced(BlockedCalendar.ID, OPARL, List.of(), List.of(), UNTIL_2, COORDINATOR, T0))
                .when(sync(OPARL, List.of(COUNCIL), List.of(), UNTIL_1))
                .expectException(Refusal.Conflict.class)
                .expectExceptionMessage("this source was already synced up to 2027-01-12T06:00:00Z; a sync that read an "
                        + "older state (2026-12-12T08:15:00Z) is refused, sync again")
                .expectNoEvents();
    }

    @Test
    void anIncrementalSourceCannotLoseItsPosition() {
        fixture.given(FIRST_OPARL_SYNC)
                .when(sync(OPARL, List.of(), List.of(), null))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void theSamePositionAgainIsAccepted() {
        fixture.given(FIRST_OPARL_SYNC)
                .when(sync(OPARL, List.of(), List.of(), UNTIL_1))
                .expectEvents(new BlockedCalendarSynced(BlockedCalendar.ID, OPARL, List.of(), List.of(), UNTIL_1, COORDINATOR, T1));
    }

    @Test
    void anotherSourcesPositionDoesNotHoldASourceBack() {
        String otherList = "https://kreistag.example.test/oparl/meeting";
        fixture.given(new BlockedCalendarSynced(BlockedCalendar.ID, otherList, List.of(), List.of(), UNTIL_2, COORDINATOR, T0))
                .when(sync(OPARL, List.of(COUNCIL), List.of(), UNTIL_1))
                .expectEvents(new BlockedCalendarSynced(BlockedCalendar.ID, OPARL, List.of(COUNCIL), List.of(), UNTIL_1,
                        COORDINATOR, T1));
    }

    @Test
    void anIcsSyncHasNoPositionAndIsAlwaysAccepted() {
        fixture.given(FIRST_OPARL_SYNC, new BlockedCalendarSynced(BlockedCalendar.ID, ICS, List.of(SERVICE), List.of(), null,
                        COORDINATOR, T0))
                .when(sync(ICS, List.of(), List.of(SERVICE.externalId()), null))
                .expectEvents(new BlockedCalendarSynced(BlockedCalendar.ID, ICS, List.of(), List.of(SERVICE.externalId()), null,
                        COORDINATOR, T1));
    }

    @Test
    void anAppointmentOfAnotherSourceIsRefused() {
        fixture.givenNoPriorActivity()
                .when(sync(OPARL, List.of(SERVICE), List.of(), UNTIL_1))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void anAppointmentEndingBeforeItStartsIsRefused() {
        BlockedAppointment backwards = new BlockedAppointment(OPARL, OPARL + "/109", "Rückwärts", AppointmentKind.COMMITTEE,
                Instant.parse("2027-02-03T15:00:00Z"), Instant.parse("2027-02-03T14:00:00Z"));
        fixture.givenNoPriorActivity()
                .when(sync(OPARL, List.of(backwards), List.of(), UNTIL_1))
                .expectException(Refusal.Invalid.class)
                .expectExceptionMessage("appointment " + OPARL + "/109 ends before it starts")
                .expectNoEvents();
    }

    @Test
    void anAppointmentListedTwiceIsRefused() {
        fixture.givenNoPriorActivity()
                .when(sync(OPARL, List.of(COUNCIL, COUNCIL), List.of(), UNTIL_1))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void anAppointmentBothKeptAndRemovedIsRefused() {
        fixture.givenNoPriorActivity()
                .when(sync(OPARL, List.of(COUNCIL), List.of(COUNCIL.externalId()), UNTIL_1))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aSyncWithoutSourceIsRefused() {
        fixture.givenNoPriorActivity()
                .when(sync(" ", List.of(), List.of(), null))
                .expectException(Refusal.Invalid.class)
                .expectExceptionMessage("source must not be blank")
                .expectNoEvents();
    }

    @Test
    void aSyncWithoutListsIsRefusedRatherThanFailing() {
        fixture.givenNoPriorActivity()
                .when(sync(ICS, null, List.of(), null))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }
}
