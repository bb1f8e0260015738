package de.gremium.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.gremium.events.Quarter;
import de.gremium.events.calendar.AppointmentKind;
import de.gremium.events.calendar.BlockedAppointment;
import de.gremium.events.scheduling.CandidateSlot;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The planning rules alone: Wednesday afternoons in Berlin, clear of the blocked calendar by the minimum gap. */
class CandidateSlotsTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Duration GAP = Duration.ofMinutes(30);

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    static BlockedAppointment appointment(String title, AppointmentKind kind, String start, String end) {
        return new BlockedAppointment("test", title + start, title, kind, berlin(start), berlin(end));
    }

    static CandidateSlots with(BlockedAppointment... appointments) {
        return new CandidateSlots(List.of(appointments), BERLIN, GAP);
    }

    static List<LocalDate> startDays(List<CandidateSlot> slots) {
        return slots.stream().map(slot -> slot.start().atZone(BERLIN).toLocalDate()).toList();
    }

    @Test
    void everyWednesdayOfTheQuarterIsACandidateWhenNothingBlocks() {
        long wednesdays = LocalDate.of(2027, 1, 1).datesUntil(LocalDate.of(2027, 4, 1))
                .filter(day -> day.getDayOfWeek() == DayOfWeek.WEDNESDAY).count();

        List<CandidateSlot> slots = with().preferred(new Quarter(2027, 1), 60);

        assertThat(wednesdays).isEqualTo(13);
        assertThat(slots).hasSize((int) wednesdays);
        assertThat(slots).allSatisfy(slot -> {
            assertThat(slot.start().atZone(BERLIN).getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
            assertThat(slot.start().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(13, 0));
            assertThat(slot.end()).isEqualTo(slot.start().plus(Duration.ofMinutes(60)));
            assertThat(slot.withinPreferredWindow()).isTrue();
            assertThat(slot.conflicts()).isEmpty();
        });
        assertThat(startDays(slots)).first().isEqualTo(LocalDate.of(2027, 1, 6));
        assertThat(startDays(slots)).last().isEqualTo(LocalDate.of(2027, 3, 31));
    }

    @Test
    void oneOClockStaysOneOClockLocalAfterTheSpringSwitch() {
        List<CandidateSlot> slots = with().preferred(new Quarter(2027, 1), 60);

        assertThat(slots.get(11).start()).isEqualTo(Instant.parse("2027-03-24T12:00:00Z")); // CET, UTC+1
        assertThat(slots.get(12).start()).isEqualTo(Instant.parse("2027-03-31T11:00:00Z")); // CEST since 28 March
    }

    @Test
    void oneOClockStaysOneOClockLocalAfterTheAutumnSwitch() {
        List<CandidateSlot> slots = with().preferred(new Quarter(2027, 4), 60);

        assertThat(slots).extracting(CandidateSlot::start)
                .contains(Instant.parse("2027-10-27T11:00:00Z"), Instant.parse("2027-11-03T12:00:00Z"));
        assertThat(slots).extracting(CandidateSlot::candidateId)
                .contains("2027-10-27T13:00:00+02:00", "2027-11-03T13:00:00+01:00");
    }

    @Test
    void aCouncilSessionAtTwoRemovesThatWednesday() {
        List<CandidateSlot> slots = with(appointment("Stadtrat", AppointmentKind.COUNCIL, "2027-02-03T14:00", "2027-02-03T17:00"))
                .preferred(new Quarter(2027, 1), 60);

        assertThat(slots).hasSize(12);
        assertThat(startDays(slots)).doesNotContain(LocalDate.of(2027, 2, 3)).contains(LocalDate.of(2027, 2, 10));
    }

    @Test
    void anAppointmentEndingFifteenMinutesBeforeRemovesTheCandidate() {
        List<CandidateSlot> slots = with(appointment("Dienstberatung", AppointmentKind.SERVICE_MEETING,
                "2027-02-03T11:00", "2027-02-03T12:45")).preferred(new Quarter(2027, 1), 60);

        assertThat(startDays(slots)).doesNotContain(LocalDate.of(2027, 2, 3));
    }

    @Test
    void anAppointmentEndingAnHourBeforeLeavesTheCandidate() {
        List<CandidateSlot> slots = with(appointment("Dienstberatung", AppointmentKind.SERVICE_MEETING,
                "2027-02-03T11:00", "2027-02-03T12:00")).preferred(new Quarter(2027, 1), 60);

        assertThat(startDays(slots)).contains(LocalDate.of(2027, 2, 3));
    }

    @Test
    void exactlyTheMinimumGapIsEnough() {
        List<CandidateSlot> slots = with(
                appointment("Vorher", AppointmentKind.SERVICE_MEETING, "2027-02-03T11:00", "2027-02-03T12:30"),
                appointment("Nachher", AppointmentKind.COMMITTEE, "2027-02-03T14:30", "2027-02-03T16:00"))
                .preferred(new Quarter(2027, 1), 60);

        assertThat(startDays(slots)).contains(LocalDate.of(2027, 2, 3));
    }

    @Test
    void anAllDayAppointmentRemovesItsWednesday() {
        List<CandidateSlot> slots = with(appointment("Klausur", AppointmentKind.SERVICE_MEETING, "2027-02-03T00:00", "2027-02-04T00:00"))
                .preferred(new Quarter(2027, 1), 60);

        assertThat(startDays(slots)).doesNotContain(LocalDate.of(2027, 2, 3));
    }

    @Test
    void aMeetingOfTwoAndAHalfHoursStillFitsButLongerOnesDoNot() {
        assertThat(with().preferred(new Quarter(2027, 1), 150)).hasSize(13)
                .allSatisfy(slot -> assertThat(slot.end().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(15, 30)));
        assertThat(with().preferred(new Quarter(2027, 1), 151)).isEmpty();
    }

    @Test
    void aTuesdaySlotIsKeptButFlaggedAndItsConflictsAreNamed() {
        CandidateSlot tuesday = with(
                appointment("Stadtrat", AppointmentKind.COUNCIL, "2027-02-02T14:00", "2027-02-02T17:00"),
                appointment("Amtsleiterrunde", AppointmentKind.SERVICE_MEETING, "2027-02-02T09:00", "2027-02-02T12:50"),
                appointment("Weit weg", AppointmentKind.COMMITTEE, "2027-02-02T18:00", "2027-02-02T19:00"))
                .check(berlin("2027-02-02T13:00"), 90);

        assertThat(tuesday.withinPreferredWindow()).isFalse();
        assertThat(tuesday.start()).isEqualTo(Instant.parse("2027-02-02T12:00:00Z"));
        assertThat(tuesday.end()).isEqualTo(Instant.parse("2027-02-02T13:30:00Z"));
        assertThat(tuesday.conflicts()).containsExactly(
                "Dienstberatung 'Amtsleiterrunde' 09:00–12:50 (weniger als 30 Min. Abstand)",
                "Stadtratssitzung 'Stadtrat' 14:00–17:00");
    }

    @Test
    void aConflictOnAnotherDayNamesItsDates() {
        CandidateSlot slot = with(appointment("Klausur", AppointmentKind.SERVICE_MEETING, "2027-02-02T09:00", "2027-02-03T13:15"))
                .check(berlin("2027-02-03T13:30"), 60);

        assertThat(slot.conflicts()).containsExactly("Dienstberatung 'Klausur' 02.02.2027 09:00–03.02.2027 13:15 (weniger als 30 Min. Abstand)");
    }

    @Test
    void aWednesdaySlotWithinOneToHalfPastThreeIsPreferredAndOneRunningLongerIsNot() {
        CandidateSlots slots = with();

        assertThat(slots.check(berlin("2027-02-03T13:30"), 120).withinPreferredWindow()).isTrue();
        assertThat(slots.check(berlin("2027-02-03T14:45"), 60).withinPreferredWindow()).isFalse();
        assertThat(slots.check(berlin("2027-02-03T12:30"), 60).withinPreferredWindow()).isFalse();
    }

    @Test
    void theCandidateIdIsTheLocalStartWithItsOffset() {
        assertThat(with().check(berlin("2027-01-06T13:00"), 60).candidateId()).isEqualTo("2027-01-06T13:00:00+01:00");
        assertThat(with().preferred(new Quarter(2027, 1), 60).get(0).candidateId()).isEqualTo("2027-01-06T13:00:00+01:00");
    }

    @Test
    void aQuarterIsOneToFourAndAMeetingLastsAtLeastAMinute() {
        assertThatThrownBy(() -> new Quarter(2027, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> with().preferred(new Quarter(2027, 1), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> with().check(berlin("2027-01-06T13:00"), -5)).isInstanceOf(IllegalArgumentException.class);
    }
}
