package de.gremium.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.gremium.command.CommandSideApplication;
import de.gremium.events.Quarter;
import de.gremium.events.scheduling.CandidateSlot;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command side as users reach it: the coordinator imports an OParl meeting list and iCalendar files
 * served by a stand-in council information system; members read what blocks. Fixture dates are set in
 * the next quarter, so that the import window (one year back, two ahead) always holds them.
 */
class BlockedCalendarApiTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String ICS = "text/calendar";

    static ConfigurableApplicationContext app;
    static Http http;
    static HttpServer ris;
    static String base;
    static final List<String> oparlQueries = new CopyOnWriteArrayList<>();
    static LocalDate day;
    static int count = 4;

    @BeforeAll
    static void start() throws IOException {
        LocalDate today = LocalDate.now(BERLIN);
        LocalDate nextQuarter = today.with(IsoFields.DAY_OF_QUARTER, 1).plusMonths(3);
        day = nextQuarter.with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));

        ris = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + ris.getAddress().getPort();
        ris.createContext("/oparl/meeting", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            oparlQueries.add(query == null ? "" : query);
            String page = query == null ? "oparl-page-1.json" : query.equals("page=2") ? "oparl-page-2.json" : "oparl-changes.json";
            respond(exchange, 200, "application/json", fixture(page));
        });
        ris.createContext("/kalender/dienstberatungen.ics", exchange -> respond(exchange, 200, ICS, fixture("dienstberatungen.ics")));
        ris.createContext("/kalender/kaputt.ics", exchange -> respond(exchange, 200, ICS, "<html>Anmeldung erforderlich</html>"));
        ris.start();

        List<String> args = new ArrayList<>(TestStore.fresh());
        args.add("--gremium.calendar.allowed-hosts=127.0.0.1");
        args.add("--gremium.calendar.private-hosts=127.0.0.1");
        app = CommandSideApplication.start(args.toArray(String[]::new));
        http = Http.on(Ports.of(app));
    }

    @AfterAll
    static void stop() {
        app.close();
        ris.stop(0);
    }

    static String fixture(String name) {
        try (InputStream in = BlockedCalendarApiTest.class.getClassLoader().getResourceAsStream("calendar/api/" + name)) {
            LocalDate week2 = day.plusWeeks(1);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{base}}", base)
                    .replace("{{day}}", day.toString())
                    .replace("{{dayOffset}}", offset(day))
                    .replace("{{week2}}", week2.toString())
                    .replace("{{week2Offset}}", offset(week2))
                    .replace("{{dayIcs}}", day.format(DateTimeFormatter.BASIC_ISO_DATE))
                    .replace("{{count}}", String.valueOf(count));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String offset(LocalDate date) {
        return date.atTime(LocalTime.NOON).atZone(BERLIN).getOffset().getId();
    }

    static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static List<String> titles(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return StreamSupport.stream(response.json().spliterator(), false).map(a -> a.get("title").asText()).toList();
    }

    static Http.Response upload(String user, String name, String calendar) {
        return http.as(user).send("POST", "/api/blocked-calendar/ics" + (name == null ? "" : "?name=" + name), ICS,
                calendar.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theCoordinatorImportsAnOParlMeetingListAndTheNextSyncAsksOnlyForChanges() {
        Http.Response first = http.as("koordinator").post("/api/blocked-calendar/oparl-sync", Map.of("url", base + "/oparl/meeting"));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(oparlQueries).containsExactly("", "page=2");
        JsonNode synced = first.json();
        assertThat(synced.get("upserted").asInt()).isEqualTo(1);
        assertThat(synced.get("removed").asInt()).isZero(); // cancelled and deleted, but never imported
        assertThat(synced.get("modifiedUntil").asText()).isEqualTo("2026-11-03T09:00:00Z");

        Http.Response second = http.as("koordinator").post("/api/blocked-calendar/oparl-sync", Map.of("url", base + "/oparl/meeting"));

        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(oparlQueries).last().isEqualTo("modified_since=2026-11-03T09:00:00Z");
        assertThat(second.json().get("upserted").asInt()).isEqualTo(1);
        assertThat(second.json().get("modifiedUntil").asText()).isEqualTo("2026-11-10T08:00:00Z");

        Http.Response listed = http.as("anna.amt50").get("/api/blocked-calendar/appointments?from=" + day + "&to=" + day.plusWeeks(1));
        assertThat(titles(listed)).contains("Sitzung des Stadtrates", "Ausschuss für Familie und Gleichstellung")
                .doesNotContain("Kulturausschuss");
        JsonNode council = StreamSupport.stream(listed.json().spliterator(), false)
                .filter(a -> a.get("title").asText().equals("Sitzung des Stadtrates")).findFirst().orElseThrow();
        assertThat(council.get("kind").asText()).isEqualTo("COUNCIL");
        assertThat(council.get("label").asText()).isEqualTo("Stadtratssitzung 'Sitzung des Stadtrates' "
                + day.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) + " 14:00–" + day.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) + " 17:00");
    }

    @Test
    void theCoordinatorUploadsAnIcsFileAndAnUnchangedRepeatChangesNothing() {
        Http.Response first = upload("koordinator", "dienstberatungen", fixture("dienstberatungen.ics"));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("source").asText()).isEqualTo("upload:dienstberatungen");
        assertThat(first.json().get("upserted").asInt()).isEqualTo(4);

        Http.Response again = upload("koordinator", "dienstberatungen", fixture("dienstberatungen.ics"));
        assertThat(again.json().get("upserted").asInt()).isZero();
        assertThat(again.json().get("removed").asInt()).isZero();
    }

    @Test
    void anIcsUploadIsAFullSyncOfItsName() {
        String full = fixture("dienstberatungen.ics");
        String shorter = full.replace("COUNT=" + count, "COUNT=1");
        assertThat(upload("koordinator", "kurz", full).json().get("upserted").asInt()).isEqualTo(4);

        Http.Response reduced = upload("koordinator", "kurz", shorter);

        assertThat(reduced.json().get("removed").asInt()).isEqualTo(3);
        Http.Response listed = http.as("koordinator").get("/api/blocked-calendar/appointments?from=" + day + "&to=" + day.plusWeeks(5));
        assertThat(StreamSupport.stream(listed.json().spliterator(), false)
                .filter(a -> a.get("source").asText().equals("upload:kurz"))).hasSize(1);
    }

    @Test
    void theCoordinatorImportsAnIcsFileFromAUrl() {
        Http.Response synced = http.as("koordinator").post("/api/blocked-calendar/ics",
                Map.of("url", base + "/kalender/dienstberatungen.ics"));

        assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
        assertThat(synced.json().get("source").asText()).isEqualTo(base + "/kalender/dienstberatungen.ics");
        assertThat(synced.json().get("upserted").asInt()).isEqualTo(4);
        assertThat(synced.json().has("modifiedUntil")).isFalse();
    }

    @Test
    void aMemberMayReadButNotImport() {
        assertThat(http.as("anna.amt50").post("/api/blocked-calendar/oparl-sync", Map.of("url", base + "/oparl/meeting")).status())
                .isEqualTo(403);
        assertThat(http.as("anna.amt50").post("/api/blocked-calendar/ics", Map.of("url", base + "/kalender/dienstberatungen.ics"))
                .status()).isEqualTo(403);
        assertThat(upload("anna.amt50", null, fixture("dienstberatungen.ics")).status()).isEqualTo(403);
        assertThat(http.as("anna.amt50").get("/api/blocked-calendar/appointments").status()).isEqualTo(200);
        assertThat(http.as("leser").get("/api/blocked-calendar/appointments").status()).isEqualTo(403);
        assertThat(http.anonymous().get("/api/blocked-calendar/appointments").status()).isEqualTo(401);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndWhy() {
        Http.Response notHttp = http.as("koordinator").post("/api/blocked-calendar/oparl-sync", Map.of("url", "ftp://ris.example/meeting"));
        assertThat(notHttp.status()).isEqualTo(400);
        assertThat(notHttp.header("Content-Type")).startsWith("application/problem+json");
        assertThat(notHttp.json().at("/errors/0/field").asText()).isEqualTo("url");

        Http.Response blank = http.as("koordinator").post("/api/blocked-calendar/ics", Map.of("url", " "));
        assertThat(blank.status()).isEqualTo(400);

        Http.Response badDate = http.as("koordinator").get("/api/blocked-calendar/appointments?from=morgen");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().at("/errors/0/field").asText()).isEqualTo("from");

        Http.Response notACalendar = upload("koordinator", "kaputt", "Sehr geehrte Damen und Herren,");
        assertThat(notACalendar.status()).isEqualTo(400);
        assertThat(notACalendar.json().at("/errors/0/field").asText()).isEqualTo("body");
    }

    @Test
    void aPeriodOutsideTheYears1900To2200IsRefusedNamingTheParameter() {
        for (String[] query : new String[][] {{"from=%2B999999999-12-31", "from"}, {"from=-999999999-01-01", "from"},
            {"from=" + day + "&to=%2B999999999-12-31T23:59:59.999999999-18:00", "to"}, {"from=1899-12-31T23:00:00Z", "from"},
            {"from=2200-12-31&to=2201-01-01", "to"}}) {
            Http.Response refused = http.as("anna.amt50").get("/api/blocked-calendar/appointments?" + query[0]);

            assertThat(refused.status()).as(query[0] + " " + refused.body()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().at("/errors/0/field").asText()).as(query[0]).isEqualTo(query[1]);
            assertThat(refused.json().at("/errors/0/reason").asText()).contains("outside the years 1900 to 2200");
        }
        assertThat(http.as("anna.amt50").get("/api/blocked-calendar/appointments?from=2200-01-01&to=2200-12-31").status())
                .isEqualTo(200);
    }

    @Test
    void anIcsEventInTheYear9999IsSkippedAndCounted() {
        String dayIcs = day.format(DateTimeFormatter.BASIC_ISO_DATE);
        String calendar = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//DE",
                "BEGIN:VEVENT", "UID:heute@magdeburg.test", "DTSTAMP:20261101T080000Z",
                "DTSTART;TZID=Europe/Berlin:" + dayIcs + "T090000", "DTEND;TZID=Europe/Berlin:" + dayIcs + "T100000",
                "SUMMARY:Dienstberatung", "END:VEVENT",
                "BEGIN:VEVENT", "UID:fern@magdeburg.test", "DTSTAMP:20261101T080000Z",
                "DTSTART:99991231T090000Z", "DTEND:99991231T100000Z", "SUMMARY:Fern", "END:VEVENT",
                "BEGIN:VEVENT", "UID:endlos@magdeburg.test", "DTSTAMP:20261101T080000Z",
                "DTSTART;TZID=Europe/Berlin:" + dayIcs + "T110000", "DTEND;TZID=Europe/Berlin:" + dayIcs + "T120000",
                "RRULE:FREQ=WEEKLY;UNTIL=99991231T000000Z", "SUMMARY:Endlos", "END:VEVENT", "END:VCALENDAR", "");

        Http.Response imported = upload("koordinator", "fern", calendar);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("upserted").asInt()).isEqualTo(1);
        assertThat(imported.json().get("skipped").asInt()).isEqualTo(2);
    }

    @Test
    void aCalendarWhoseEventsAllEndedMoreThanAYearAgoIsAnsweredWithWhatWasLeftOutAndWhy() {
        String calendar = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//DE",
                "BEGIN:VEVENT", "UID:alt-1@magdeburg.test", "DTSTAMP:20201101T080000Z",
                "DTSTART:20200115T130000Z", "DTEND:20200115T150000Z", "SUMMARY:Stadtrat", "END:VEVENT",
                "BEGIN:VEVENT", "UID:alt-2@magdeburg.test", "DTSTAMP:20201101T080000Z",
                "DTSTART:20200212T130000Z", "DTEND:20200212T150000Z", "SUMMARY:Stadtrat", "END:VEVENT", "END:VCALENDAR", "");

        Http.Response imported = upload("koordinator", "archiv", calendar);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("upserted").asInt()).isZero();
        assertThat(imported.json().get("unchanged").asInt()).isZero();
        assertThat(imported.json().at("/notKept/ENDED_BEFORE_WINDOW").asInt()).as(imported.toString()).isEqualTo(2);
        assertThat(imported.json().get("keptFrom").asText()).isNotBlank();
        assertThat(imported.json().get("keptUntil").asText()).isNotBlank();

        Http.Response again = upload("koordinator", "dienstberatungen-wieder", fixture("dienstberatungen.ics"));
        Http.Response unchanged = upload("koordinator", "dienstberatungen-wieder", fixture("dienstberatungen.ics"));
        assertThat(again.json().get("upserted").asInt()).isEqualTo(4);
        assertThat(unchanged.json().get("upserted").asInt()).isZero();
        assertThat(unchanged.json().get("unchanged").asInt()).as("an unchanged repeat says what it found again").isEqualTo(4);
    }

    @Test
    void anUnreachableOrMalformedSourceIsABadGateway() {
        Http.Response unreachable = http.as("koordinator").post("/api/blocked-calendar/oparl-sync",
                Map.of("url", "http://127.0.0.1:" + TestStore.freePort() + "/oparl/meeting"));
        assertThat(unreachable.status()).as(unreachable.toString()).isEqualTo(502);
        assertThat(unreachable.json().get("type").asText()).isEqualTo("urn:gremium:problem:calendar-source-failed");

        Http.Response malformed = http.as("koordinator").post("/api/blocked-calendar/ics", Map.of("url", base + "/kalender/kaputt.ics"));
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(502);
        assertThat(malformed.json().get("detail").asText()).contains("not an iCalendar file");
    }

    @Test
    void aUrlWhoseHostIsNotOnTheAllowListIsRefusedBeforeAnythingIsFetched() {
        for (String path : List.of("/api/blocked-calendar/ics", "/api/blocked-calendar/oparl-sync")) {
            Http.Response refused = http.as("koordinator").post(path,
                    Map.of("url", "http://localhost:" + ris.getAddress().getPort() + "/kalender/dienstberatungen.ics"));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("url");
            assertThat(refused.json().get("errors").get(0).get("reason").asText()).startsWith("refused: ");
        }
    }

    @Test
    void theApiDocumentDescribesBothWaysToImportAnIcsFile() {
        Http.Response docs = http.anonymous().get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode ics = docs.json().at("/paths/~1api~1blocked-calendar~1ics/post/requestBody/content");
        assertThat(ics.has("text/calendar")).as(ics.toString()).isTrue();
        assertThat(ics.has("application/json")).as(ics.toString()).isTrue();
    }

    @Test
    void theLookupIsUpdatedInTheThreadOfTheCommandBySubscribingProcessor() {
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);

        assertThat(processing.eventProcessor(BlockedAppointmentLookup.PROCESSING_GROUP))
                .containsInstanceOf(SubscribingEventProcessor.class);
    }

    @Test
    void thePlannerLeavesOutTheWednesdayOfACouncilSession() {
        String compact = day.plusWeeks(2).format(DateTimeFormatter.BASIC_ISO_DATE);
        String council = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//DE", "BEGIN:VEVENT",
                "UID:stadtrat-planer@magdeburg.test", "DTSTAMP:20261101T080000Z",
                "DTSTART;TZID=Europe/Berlin:" + compact + "T140000", "DTEND;TZID=Europe/Berlin:" + compact + "T170000",
                "SUMMARY:Stadtrat", "CATEGORIES:Stadtrat", "END:VEVENT", "END:VCALENDAR", "");
        assertThat(upload("koordinator", "planer", council).status()).isEqualTo(200);
        CandidateSlotPlanner planner = app.getBean(CandidateSlotPlanner.class);

        List<LocalDate> days = new ArrayList<>();
        for (CandidateSlot slot : planner.preferredSlots(Quarter.of(day), 60)) {
            days.add(slot.start().atZone(BERLIN).toLocalDate());
        }

        assertThat(days).doesNotContain(day.plusWeeks(2)).contains(day.plusWeeks(3));
        CandidateSlot chosen = planner.check(day.plusWeeks(2).atTime(13, 0).atZone(BERLIN).toInstant(), 60);
        assertThat(chosen.withinPreferredWindow()).isTrue();
        assertThat(chosen.conflicts()).containsExactly("Stadtratssitzung 'Stadtrat' 14:00–17:00 (weniger als 30 Min. Abstand)");
    }
}
