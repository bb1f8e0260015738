package de.gremium.query.meeting;

import static de.gremium.query.meeting.MeetingEvents.T0;
import static de.gremium.query.meeting.MeetingEvents.cancelled;
import static de.gremium.query.meeting.MeetingEvents.item;
import static de.gremium.query.meeting.MeetingEvents.planned;
import static de.gremium.query.meeting.MeetingEvents.rescheduled;
import static de.gremium.query.meeting.MeetingEvents.scheduled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import de.gremium.events.meeting.AgendaTopicKind;
import de.gremium.events.meeting.FetchMeetingCalendar;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.query.ViewStore;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The feed as calendar clients read it: produced from the projected meetings, parsed back with ical4j. */
class MeetingCalendarFeedTest {

    private static final String Q1 = "regular-2027-Q1";
    private static final String EXTRA = "extra-2027-sprache";

    private ViewStore store;
    private MeetingEvents meetings;
    private WorkPlanQueries queries;
    private final MeetingCalendarFeed feed = new MeetingCalendarFeed();

    @BeforeEach
    void setUp() {
        store = ViewStore.open();
        meetings = new MeetingEvents(new MeetingProjection(store.mongo()));
        queries = new WorkPlanQueries(store.mongo());
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private String ics() {
        return feed.render(queries.handle(new FetchMeetingCalendar()).meetings());
    }

    private static Map<String, VEvent> eventsByUid(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        return events.stream().collect(Collectors.toMap(e -> e.getUid().orElseThrow().getValue(), Function.identity()));
    }

    private static String value(VEvent event, String property) {
        return event.<Property>getProperty(property).orElseThrow().getValue();
    }

    private static Instant instant(VEvent event, String property) {
        DateProperty<?> date = event.<DateProperty<?>>getProperty(property).orElseThrow();
        assertThat(date.isUtc()).as(property + " in UTC").isTrue();
        return Instant.from(date.getDate());
    }

    @Test
    void aScheduledMeetingIsAConfirmedEventInUtcWithAGermanSummaryAndItsAgenda() throws Exception {
        meetings.given(planned(Q1, 2027, 1, MeetingKind.REGULAR, "Sitzung Q1/2027"),
                planned(EXTRA, 2027, 1, MeetingKind.EXTRA, "Sprachkurse"),
                planned("regular-2027-Q2", 2027, 2, MeetingKind.REGULAR, "Schwerpunkt Arbeit"),
                scheduled(Q1, "2027-03-10T12:00:00Z", "Altes Rathaus, Raum 2"),
                scheduled(EXTRA, "2027-02-17T12:30:00Z", ""),
                item(Q1, "a", AgendaTopicKind.PROJECT_IDEA, "idee-1", "Sprachcafé für Eltern", 0, T0),
                item(Q1, "b", AgendaTopicKind.PROBLEM_REPORT, "r-1", "Kurse ausgebucht", 1, T0));

        String ics = ics();
        assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("\r\n");
        Map<String, VEvent> events = eventsByUid(ics);
        assertThat(events).as("a meeting never scheduled is not in anyone's calendar")
                .containsOnlyKeys(Q1 + "@gremium.magdeburg.de", EXTRA + "@gremium.magdeburg.de");

        VEvent regular = events.get(Q1 + "@gremium.magdeburg.de");
        assertThat(value(regular, Property.SUMMARY)).isEqualTo("Projektgruppe Integration – Sitzung Q1/2027");
        assertThat(value(regular, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(regular, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(regular, Property.LOCATION)).isEqualTo("Altes Rathaus, Raum 2");
        assertThat(instant(regular, Property.DTSTART)).isEqualTo(Instant.parse("2027-03-10T12:00:00Z"));
        assertThat(instant(regular, Property.DTEND)).isEqualTo(Instant.parse("2027-03-10T13:00:00Z"));
        assertThat(instant(regular, Property.DTSTAMP)).isEqualTo(T0);
        assertThat(value(regular, Property.DESCRIPTION)).isEqualTo(
                "Tagesordnung:\n1. Projektidee: Sprachcafé für Eltern\n2. Problemmeldung: Kurse ausgebucht");
        assertThat(regular.getProperties(Property.DTSTAMP)).hasSize(1);

        VEvent extra = events.get(EXTRA + "@gremium.magdeburg.de");
        assertThat(value(extra, Property.SUMMARY)).isEqualTo("Projektgruppe Integration – Sondersitzung: Sprachkurse");
        assertThat(extra.getProperty(Property.LOCATION)).isEmpty();
        assertThat(value(extra, Property.DESCRIPTION)).isEqualTo("Tagesordnung folgt.");
    }

    @Test
    void everyLineIsFoldedAtSeventyFiveOctetsWithoutSplittingACharacter() throws Exception {
        String title = "Überörtliche Förderprüfung für Äußerungen über Übergänge in Gemeinschaftsunterkünfte und Grünflächen";
        String topic = "Ärztliche Begutachtung: Übersetzungsdienste für Geflüchtete aus der Ukraine, Syrien und Afghanistan "
                + "– Größenordnung, Zuständigkeiten, Öffnungszeiten 🇺🇦 äöüßÄÖÜ ÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄ €€€€€€€€€€";
        meetings.given(planned(EXTRA, 2027, 1, MeetingKind.EXTRA, title),
                scheduled(EXTRA, "2027-02-17T12:30:00Z", "Großer Saal im Alten Rathaus, Eingang Rückseite, über den Hof"),
                item(EXTRA, "a", AgendaTopicKind.FREE, null, topic, 0, T0),
                item(EXTRA, "b", AgendaTopicKind.FREE, null, "ö".repeat(200), 1, T0));

        String ics = ics();

        byte[] octets = ics.getBytes(StandardCharsets.UTF_8);
        int lineStart = 0;
        for (int i = 0; i + 1 < octets.length; i++) {
            if (octets[i] == '\r' && octets[i + 1] == '\n') {
                byte[] line = Arrays.copyOfRange(octets, lineStart, i);
                assertThat(line.length).as("octets of the line %s", new String(line, StandardCharsets.UTF_8))
                        .isLessThanOrEqualTo(75);
                assertThatCode(() -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(line)))
                        .as("every physical line is whole UTF-8: no character split by a fold").doesNotThrowAnyException();
                lineStart = i + 2;
            }
        }
        assertThat(lineStart).as("ends with CRLF").isEqualTo(octets.length);
        VEvent event = eventsByUid(ics).get(EXTRA + "@gremium.magdeburg.de");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Projektgruppe Integration – Sondersitzung: " + title);
        assertThat(value(event, Property.DESCRIPTION))
                .isEqualTo("Tagesordnung:\n1. freies Thema: " + topic + "\n2. freies Thema: " + "ö".repeat(200));
        assertThat(value(event, Property.LOCATION)).isEqualTo("Großer Saal im Alten Rathaus, Eingang Rückseite, über den Hof");
    }

    @Test
    void aRescheduleKeepsTheUidAndRaisesTheSequenceACancellationRaisesItAgain() throws Exception {
        meetings.given(planned(Q1, 2027, 1, MeetingKind.REGULAR, "Sitzung Q1/2027"),
                scheduled(Q1, "2027-03-10T12:00:00Z", "Raum 1"));
        VEvent first = eventsByUid(ics()).get(Q1 + "@gremium.magdeburg.de");

        meetings.given(rescheduled(Q1, "2027-03-17T12:00:00Z", "Raum 2", T0.plusSeconds(3600)));
        Map<String, VEvent> afterReschedule = eventsByUid(ics());
        assertThat(afterReschedule).containsOnlyKeys(Q1 + "@gremium.magdeburg.de");
        VEvent moved = afterReschedule.get(Q1 + "@gremium.magdeburg.de");
        assertThat(value(moved, Property.SEQUENCE)).isEqualTo("1");
        assertThat(instant(moved, Property.DTSTART)).isEqualTo(Instant.parse("2027-03-17T12:00:00Z"));
        assertThat(value(moved, Property.LOCATION)).isEqualTo("Raum 2");
        assertThat(instant(moved, Property.DTSTAMP)).isAfter(instant(first, Property.DTSTAMP));

        meetings.given(cancelled(Q1, "Krankheit", T0.plusSeconds(7200)));
        VEvent off = eventsByUid(ics()).get(Q1 + "@gremium.magdeburg.de");
        assertThat(value(off, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(off, Property.SEQUENCE)).isEqualTo("2");
        assertThat(value(off, Property.DESCRIPTION)).startsWith("Abgesagt: Krankheit");
        assertThat(instant(off, Property.DTSTART)).as("the cancelled event keeps its date")
                .isEqualTo(Instant.parse("2027-03-17T12:00:00Z"));
    }

    @Test
    void theSameEventsAlwaysGiveTheSameFeed() {
        meetings.given(planned(Q1, 2027, 1, MeetingKind.REGULAR, "Sitzung Q1/2027"),
                scheduled(Q1, "2027-03-10T12:00:00Z", "Raum 1"));
        assertThat(ics()).isEqualTo(ics());
    }

    @Test
    void anEmptyFeedIsStillACalendar() throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics()));
        assertThat(calendar.getComponents()).isEmpty();
        assertThat(calendar.<Property>getProperty("X-WR-CALNAME").orElseThrow().getValue())
                .isEqualTo("Projektgruppe Integration");
    }
}
