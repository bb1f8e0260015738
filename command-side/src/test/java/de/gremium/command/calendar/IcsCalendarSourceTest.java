package de.gremium.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import de.gremium.events.calendar.AppointmentKind;
import de.gremium.events.calendar.BlockedAppointment;
import de.gremium.platform.refusal.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** An administration calendar written after RFC 5545: series across both DST switches, overrides, cancellations. */
class IcsCalendarSourceTest {

    static final Instant NOW = Instant.parse("2027-01-15T09:00:00Z");
    static final String SOURCE = "upload:Verwaltungstermine";
    static final String SERIES = "dienstberatung-ob@magdeburg.test";
    static final String AUTUMN = "amtsleiterrunde@magdeburg.test";

    IcsCalendarSource ics = new IcsCalendarSource(LocalSources.client());

    CalendarImport read(String fixture, Set<String> previouslyImported) {
        return ics.read(SOURCE, ics.parse(SOURCE, bytes(fixture)), previouslyImported, NOW);
    }

    Map<String, BlockedAppointment> appointments() {
        return read("verwaltung.ics", Set.of()).upserted().stream()
                .collect(Collectors.toMap(BlockedAppointment::externalId, Function.identity()));
    }

    @Test
    void aWeeklySeriesStaysAtTwoPmLocalAcrossTheSpringSwitchAndLeavesOutTheExdate() {
        Map<String, BlockedAppointment> read = appointments();

        assertThat(read.keySet().stream().filter(id -> id.startsWith(SERIES))).containsExactlyInAnyOrder(
                SERIES + "/2027-03-10T13:00:00Z", SERIES + "/2027-03-17T13:00:00Z", SERIES + "/2027-03-24T13:00:00Z",
                // 2027-03-31 is an EXDATE; clocks went forward on 2027-03-28, so 14:00 local is 12:00 UTC
                SERIES + "/2027-04-07T12:00:00Z", SERIES + "/2027-04-14T12:00:00Z");
        assertThat(read.get(SERIES + "/2027-04-07T12:00:00Z").end()).isEqualTo(Instant.parse("2027-04-07T13:00:00Z"));
    }

    @Test
    void anOverriddenInstanceTakesTheTimeAndTitleOfItsOverride() {
        BlockedAppointment moved = appointments().get(SERIES + "/2027-03-17T13:00:00Z");

        assertThat(moved.title()).isEqualTo("Dienstberatung des Oberbürgermeisters (verlegt)");
        assertThat(moved.start()).isEqualTo(Instant.parse("2027-03-17T09:00:00Z"));
        assertThat(moved.end()).isEqualTo(Instant.parse("2027-03-17T10:00:00Z"));
    }

    @Test
    void aWeeklySeriesStaysAtOnePmLocalAcrossTheAutumnSwitch() {
        Map<String, BlockedAppointment> read = appointments();

        assertThat(read.keySet().stream().filter(id -> id.startsWith(AUTUMN))).containsExactlyInAnyOrder(
                AUTUMN + "/2027-10-20T11:00:00Z", AUTUMN + "/2027-10-27T11:00:00Z",
                // clocks went back on 2027-10-31: 13:00 local is 12:00 UTC again
                AUTUMN + "/2027-11-03T12:00:00Z");
        assertThat(read.get(AUTUMN + "/2027-11-03T12:00:00Z").end()).isEqualTo(Instant.parse("2027-11-03T13:30:00Z"));
    }

    @Test
    void anEventWithADateOutsideTheYears1900To2200IsSkippedAndCounted() {
        String calendar = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//DE",
                event("gut", "DTSTART:20270120T130000Z", "DTEND:20270120T140000Z"),
                event("fern", "DTSTART:99991231T130000Z", "DTEND:99991231T140000Z"),
                event("endet-fern", "DTSTART:20270121T130000Z", "DTEND:99991231T140000Z"),
                event("frueh", "DTSTART;VALUE=DATE:18991231"),
                event("endlos", "DTSTART:20270122T130000Z", "DTEND:20270122T140000Z", "RRULE:FREQ=WEEKLY;UNTIL=99991231T000000Z"),
                event("endlos", "RECURRENCE-ID:18990101T130000Z", "DTSTART:20270129T150000Z", "DTEND:20270129T160000Z"),
                "END:VCALENDAR", "");

        CalendarImport read = ics.read(SOURCE, ics.parse(SOURCE, calendar.getBytes(StandardCharsets.UTF_8)), Set.of(), NOW);

        assertThat(read.upserted()).extracting(BlockedAppointment::externalId).containsExactly("gut");
        assertThat(read.skipped()).isEqualTo(5);
    }

    @Test
    void everyEventNotKeptIsCountedWithItsReason() {
        String calendar = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//DE",
                event("gut", "DTSTART:20270120T130000Z", "DTEND:20270120T140000Z"),
                event("vorbei", "DTSTART:20251020T130000Z", "DTEND:20251020T140000Z"),
                event("reihe-vorbei", "DTSTART:20240110T130000Z", "DTEND:20240110T140000Z", "RRULE:FREQ=WEEKLY;COUNT=4"),
                event("weit-weg", "DTSTART:20300120T130000Z", "DTEND:20300120T140000Z"),
                event("abgesagt", "DTSTART:20270121T130000Z", "DTEND:20270121T140000Z", "STATUS:CANCELLED"),
                event("frei", "DTSTART:20270122T130000Z", "DTEND:20270122T140000Z", "TRANSP:TRANSPARENT"),
                event("gut", "DTSTART:20270127T130000Z", "DTEND:20270127T140000Z"),
                event("ohne-beginn", "DURATION:PT1H"),
                "END:VCALENDAR", "");

        CalendarImport read = ics.read(SOURCE, ics.parse(SOURCE, calendar.getBytes(StandardCharsets.UTF_8)), Set.of(), NOW);

        assertThat(read.upserted()).extracting(BlockedAppointment::externalId).containsExactly("gut");
        assertThat(read.notKept()).containsExactly(entry(NotKept.NO_START, 1), entry(NotKept.CANCELLED, 1),
                entry(NotKept.FREE_TIME, 1), entry(NotKept.ENDED_BEFORE_WINDOW, 2), entry(NotKept.BEYOND_WINDOW, 1),
                entry(NotKept.DUPLICATE, 1));
        assertThat(read.keptFrom()).isEqualTo(Instant.parse("2026-01-15T09:00:00Z"));
        assertThat(read.keptUntil()).isEqualTo(Instant.parse("2029-01-15T09:00:00Z"));
    }

    private static String event(String uid, String... dates) {
        return String.join("\r\n", "BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20261101T080000Z", String.join("\r\n", dates),
                "SUMMARY:" + uid, "END:VEVENT");
    }

    @Test
    void anAllDayEventBlocksTheWholeLocalDay() {
        BlockedAppointment retreat = appointments().get("klausur-2027@magdeburg.test");

        assertThat(retreat.start()).isEqualTo(Instant.parse("2027-10-26T22:00:00Z")); // 00:00 summer time
        assertThat(retreat.end()).isEqualTo(Instant.parse("2027-10-27T22:00:00Z"));
    }

    @Test
    void aDateTimeInUtcIsTakenAsIs() {
        BlockedAppointment council = appointments().get("stadtrat-2027-02@magdeburg.test");

        assertThat(council).isEqualTo(new BlockedAppointment(SOURCE, "stadtrat-2027-02@magdeburg.test", "Stadtrat",
                AppointmentKind.COUNCIL, Instant.parse("2027-02-03T13:00:00Z"), Instant.parse("2027-02-03T17:00:00Z")));
    }

    @Test
    void theKindComesFromTheCategoriesAndIsAServiceMeetingOtherwise() {
        Map<String, BlockedAppointment> read = appointments();

        assertThat(read.get("stadtrat-2027-02@magdeburg.test").kind()).isEqualTo(AppointmentKind.COUNCIL);
        assertThat(read.get("jugendhilfe-2027-03@magdeburg.test").kind()).isEqualTo(AppointmentKind.COMMITTEE);
        assertThat(read.get(SERIES + "/2027-03-10T13:00:00Z").kind()).isEqualTo(AppointmentKind.SERVICE_MEETING);
        assertThat(read.get(AUTUMN + "/2027-10-20T11:00:00Z").kind()).isEqualTo(AppointmentKind.SERVICE_MEETING);
    }

    @Test
    void aCancelledEventIsARemovalAndNoAppointment() {
        CalendarImport read = read("verwaltung.ics", Set.of());

        assertThat(read.removedExternalIds()).contains("finanzausschuss-2027-02@magdeburg.test");
        assertThat(read.upserted()).extracting(BlockedAppointment::externalId)
                .doesNotContain("finanzausschuss-2027-02@magdeburg.test");
    }

    @Test
    void aTransparentEventDoesNotBlock() {
        CalendarImport read = read("verwaltung.ics", Set.of());

        assertThat(read.upserted()).extracting(BlockedAppointment::externalId).doesNotContain("erinnerung-beirat@magdeburg.test");
    }

    @Test
    void everyBlockingInstanceIsListedOnceFromTheGivenSource() {
        CalendarImport read = read("verwaltung.ics", Set.of());

        assertThat(read.upserted()).hasSize(11).allSatisfy(a -> assertThat(a.source()).isEqualTo(SOURCE));
        assertThat(read.modifiedUntil()).isNull();
    }

    @Test
    void whatWasImportedBeforeAndIsNoLongerListedIsARemoval() {
        CalendarImport read = read("verwaltung.ics", Set.of("stadtrat-2027-02@magdeburg.test", "gestrichen@magdeburg.test",
                SERIES + "/2027-03-31T12:00:00Z"));

        assertThat(read.removedExternalIds()).containsExactlyInAnyOrder("gestrichen@magdeburg.test",
                SERIES + "/2027-03-31T12:00:00Z", "finanzausschuss-2027-02@magdeburg.test", "erinnerung-beirat@magdeburg.test");
    }

    @Test
    void instancesOutsideTheWindowAreLeftOut() {
        CalendarImport later = ics.read(SOURCE, ics.parse(SOURCE, bytes("verwaltung.ics")), Set.of(),
                Instant.parse("2028-06-01T00:00:00Z")); // window starts 2027-06-01

        assertThat(later.upserted()).extracting(BlockedAppointment::externalId)
                .noneMatch(id -> id.startsWith(SERIES)).anyMatch(id -> id.startsWith(AUTUMN));
    }

    @Test
    void theCalendarNameNamesAnUpload() {
        assertThat(ics.parse(SOURCE, bytes("verwaltung.ics")).name()).isEqualTo("Verwaltungstermine");
    }

    @Test
    void aFileThatIsNoCalendarIsMalformed() {
        assertThatThrownBy(() -> ics.parse(SOURCE, "Sehr geehrte Damen und Herren".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Refusal.SourceFailed.class).hasMessageContaining("not an iCalendar file");
    }

    @Test
    void anEventWithoutUidIsMalformed() {
        assertThatThrownBy(() -> read("without-uid.ics", Set.of()))
                .isInstanceOf(Refusal.SourceFailed.class).hasMessageContaining("without UID");
    }

    @Test
    void aRuleRecurringEveryMinuteIsRefusedInsteadOfExpanded() {
        assertThatThrownBy(() -> read("minutely.ics", Set.of()))
                .isInstanceOf(Refusal.SourceFailed.class).hasMessageContaining("MINUTELY");
    }

    @Test
    void aDailyRuleExpandingToEverySecondIsRefusedBeforeItIsExpanded() {
        // 652 bytes: BYHOUR x BYMINUTE x BYSECOND = 86,400 instances a day, some 94 million in the window
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> read("recurrence-bomb.ics", Set.of()))
                .isInstanceOf(Refusal.SourceFailed.class)
                .hasMessageContaining("bomb@magdeburg.test").hasMessageContaining("more than 1500 instances"));
    }

    @Test
    void aYearlyRuleOnEveryWeekdayHourAndMinuteIsRefusedBeforeItIsExpanded() {
        String calendar = """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//Test//DE\r
                BEGIN:VEVENT\r
                UID:yearly-bomb@magdeburg.test\r
                DTSTAMP:20270101T080000Z\r
                DTSTART;TZID=Europe/Berlin:20260101T000000\r
                DTEND;TZID=Europe/Berlin:20260101T000100\r
                RRULE:FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=%s;BYMINUTE=%s\r
                SUMMARY:Bombe\r
                END:VEVENT\r
                END:VCALENDAR\r
                """.formatted(range(24), range(60));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(
                () -> ics.read(SOURCE, ics.parse(SOURCE, calendar.getBytes(StandardCharsets.UTF_8)), Set.of(), NOW))
                .isInstanceOf(Refusal.SourceFailed.class)
                .hasMessageContaining("yearly-bomb@magdeburg.test").hasMessageContaining("more than 1500 instances"));
    }

    @Test
    void aDailyRuleEveryHalfHourSinceNineteenSixtyIsRefusedEvenThoughItEndedBeforeTheWindow() {
        // no instance in the window, but ical4j would walk 40 years of 48 candidates a day to find that out
        String calendar = single("half-hourly@magdeburg.test", "DTSTART:19600101T000000Z", "DTEND:19600101T001500Z",
                "RRULE:FREQ=DAILY;UNTIL=20000101T000000Z;BYHOUR=" + range(24) + ";BYMINUTE=0,30");
        assertThatThrownBy(() -> ics.read(SOURCE, ics.parse(SOURCE, calendar.getBytes(StandardCharsets.UTF_8)), Set.of(), NOW))
                .isInstanceOf(Refusal.SourceFailed.class)
                .hasMessageContaining("half-hourly@magdeburg.test").hasMessageContaining("too large to expand");
    }

    @Test
    void aLongRunningWeekdaySeriesAndAMonthlyLastFridayAreStillExpanded() {
        String daily = single("werktags@magdeburg.test", "DTSTART;TZID=Europe/Berlin:19500102T090000",
                "DTEND;TZID=Europe/Berlin:19500102T093000", "RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR");
        String monthly = single("letzter-freitag@magdeburg.test", "DTSTART;TZID=Europe/Berlin:20260130T130000",
                "DTEND;TZID=Europe/Berlin:20260130T150000", "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1");

        CalendarImport weekdays = ics.read(SOURCE, ics.parse(SOURCE, daily.getBytes(StandardCharsets.UTF_8)), Set.of(), NOW);
        CalendarImport lastWeekdays = ics.read(SOURCE, ics.parse(SOURCE, monthly.getBytes(StandardCharsets.UTF_8)), Set.of(), NOW);

        // three years of weekdays (2026-01-15 to 2029-01-15), and the last weekday of every month since January 2026
        assertThat(weekdays.upserted()).hasSizeBetween(780, 785);
        assertThat(lastWeekdays.upserted()).hasSize(36)
                .extracting(BlockedAppointment::externalId).contains("letzter-freitag@magdeburg.test/2026-01-30T12:00:00Z",
                        "letzter-freitag@magdeburg.test/2026-05-29T11:00:00Z");
    }

    private static String single(String uid, String... lines) {
        return String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//DE", "BEGIN:VEVENT", "UID:" + uid,
                "DTSTAMP:20270101T080000Z", "SUMMARY:Termin", String.join("\r\n", lines), "END:VEVENT", "END:VCALENDAR", "");
    }

    private static String range(int size) {
        return IntStream.range(0, size).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    @Test
    void anUnknownTimeZoneIsMalformed() {
        String calendar = """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//Test//DE\r
                BEGIN:VEVENT\r
                UID:mars@magdeburg.test\r
                DTSTAMP:20270101T080000Z\r
                DTSTART;TZID=Mars/Olympus_Mons:20270310T140000\r
                DTEND;TZID=Mars/Olympus_Mons:20270310T150000\r
                SUMMARY:Irgendwo\r
                END:VEVENT\r
                END:VCALENDAR\r
                """;
        assertThatThrownBy(() -> ics.read(SOURCE, ics.parse(SOURCE, calendar.getBytes(StandardCharsets.UTF_8)), Set.of(), NOW))
                .isInstanceOf(Refusal.SourceFailed.class).hasMessageContaining("mars@magdeburg.test");
    }

    static byte[] bytes(String fixture) {
        try (InputStream in = IcsCalendarSourceTest.class.getClassLoader().getResourceAsStream("calendar/ics/" + fixture)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
