package de.gremium.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.gremium.events.calendar.AppointmentKind;
import de.gremium.events.calendar.BlockedAppointment;
import de.gremium.platform.refusal.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The OParl meeting list of a body, served page by page from fixtures written after the OParl 1.1 spec. */
class OParlMeetingSourceTest {

    static final Instant NOW = Instant.parse("2027-01-15T09:00:00Z");

    HttpServer server;
    String base;
    final List<String> queries = new CopyOnWriteArrayList<>();
    OParlMeetingSource source = new OParlMeetingSource(LocalSources.client(), new ObjectMapper(), 50, Duration.ofSeconds(20));

    @BeforeEach
    void serveFixtures() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/oparl/body/1/meeting", exchange -> {
            String query = exchange.getRequestURI().getQuery(); // decoded
            queries.add(query == null ? "" : query);
            String fixture = query == null ? "meetings-page-1.json"
                    : query.contains("modified_since=") ? "meetings-changes.json"
                    : query.equals("page=2") ? "meetings-page-2.json" : null;
            respond(exchange, fixture == null ? 404 : 200, fixture == null ? "{}" : fixture("calendar/oparl/" + fixture, base));
        });
        server.createContext("/oparl/loop", exchange -> respond(exchange, 200, fixture("calendar/oparl/loop.json", base)));
        server.createContext("/oparl/html", exchange -> respond(exchange, 200, "<html><body>Wartungsarbeiten</body></html>"));
        server.createContext("/oparl/not-a-list", exchange -> respond(exchange, 200, "{\"id\": \"x\"}"));
        server.createContext("/oparl/error", exchange -> respond(exchange, 500, "{}"));
        server.createContext("/oparl/bad-date", exchange -> respond(exchange, 200,
                "{\"data\": [{\"id\": \"m-1\", \"name\": \"Stadtrat\", \"start\": \"13.01.2027 14:00\"}], \"links\": {}}"));
        server.createContext("/oparl/far-out", exchange -> respond(exchange, 200, "{\"data\": ["
                + "{\"id\": \"m-1\", \"name\": \"Stadtrat\", \"start\": \"2027-01-20T14:00:00+01:00\"},"
                + "{\"id\": \"m-2\", \"name\": \"Stadtrat\", \"start\": \"+999999999-12-31T23:00:00\"},"
                + "{\"id\": \"m-3\", \"name\": \"Stadtrat\", \"start\": \"2027-01-27T14:00:00+01:00\","
                + " \"end\": \"+999999999-12-31T23:59:59.999999999-18:00\"},"
                + "{\"id\": \"m-4\", \"name\": \"Stadtrat\", \"start\": \"2027-02-03T14:00:00+01:00\","
                + " \"modified\": \"9999-12-31T00:00:00Z\"},"
                + "{\"id\": \"m-5\", \"name\": \"Stadtrat\", \"start\": \"1899-12-31T14:00:00Z\"}], \"links\": {}}"));
        server.createContext("/oparl/history", exchange -> respond(exchange, 200, "{\"data\": ["
                + "{\"id\": \"m-1\", \"name\": \"Stadtrat\", \"start\": \"2024-01-17T14:00:00+01:00\"},"
                + "{\"id\": \"m-2\", \"name\": \"Stadtrat\", \"start\": \"2025-12-17T14:00:00+01:00\","
                + " \"end\": \"2025-12-17T18:00:00+01:00\"},"
                + "{\"id\": \"m-1\", \"name\": \"Stadtrat\", \"start\": \"2024-01-17T15:00:00+01:00\"}], \"links\": {}}"));
        server.createContext("/oparl/relative/", exchange -> {
            // page 1 of /oparl/relative/<form>/list names page 2 by a reference of that form; page 2 has no next
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            String form = path.split("/")[3];
            boolean second = "page=2".equals(query) && path.equals("/oparl/relative/" + form + "/list");
            boolean first = query == null && path.equals("/oparl/relative/" + form + "/list");
            String next = switch (form) {
                case "query" -> "?page=2";
                case "segment" -> "list?page=2";
                case "absolute-path" -> "/oparl/relative/absolute-path/list?page=2";
                case "network-path" -> "//" + exchange.getRequestHeaders().getFirst("Host") + "/oparl/relative/network-path/list?page=2";
                case "dot-dot" -> "../network-path/../dot-dot/list?page=2";
                default -> base + "/oparl/relative/absolute/list?page=2";
            };
            String meeting = "{\"id\": \"" + form + (second ? "-2" : "-1") + "\", \"name\": \"Stadtrat\", "
                    + "\"start\": \"2027-01-2" + (second ? "7" : "0") + "T14:00:00+01:00\"}";
            respond(exchange, first || second ? 200 : 404, first || second
                    ? "{\"data\": [" + meeting + "], \"links\": {" + (first ? "\"next\": \"" + next + "\"" : "") + "}}"
                    : "{}");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    URI list() {
        return URI.create(base + "/oparl/body/1/meeting");
    }

    String meeting(int number) {
        return base + "/oparl/body/1/meeting/" + number;
    }

    Map<String, BlockedAppointment> byId(CalendarImport read) {
        return read.upserted().stream().collect(Collectors.toMap(BlockedAppointment::externalId, Function.identity()));
    }

    @Test
    void followsLinksNextToTheLastPage() {
        CalendarImport read = source.read(list(), null, NOW);

        assertThat(queries).containsExactly("", "page=2");
        assertThat(read.upserted()).extracting(BlockedAppointment::externalId)
                .containsExactly(meeting(101), meeting(102), meeting(106));
    }

    @Test
    void aMeetingBecomesAnAppointmentOfTheListWithItsNameAndTimes() {
        BlockedAppointment council = byId(source.read(list(), null, NOW)).get(meeting(101));

        assertThat(council).isEqualTo(new BlockedAppointment(list().toString(), meeting(101), "42. Sitzung des Stadtrates",
                AppointmentKind.COUNCIL, Instant.parse("2027-01-13T13:00:00Z"), Instant.parse("2027-01-13T16:00:00Z")));
    }

    @Test
    void aSummerTimeOffsetIsHonoured() {
        BlockedAppointment april = byId(source.read(list(), null, NOW)).get(meeting(106));

        assertThat(april.start()).isEqualTo(Instant.parse("2027-04-14T13:00:00Z"));
        assertThat(april.end()).isEqualTo(Instant.parse("2027-04-14T16:00:00Z"));
    }

    @Test
    void theKindIsCouncilWhenTheNameOrAnEmbeddedOrganizationNamesTheCouncilAndCommitteeOtherwise() {
        Map<String, BlockedAppointment> read = byId(source.read(list(), null, NOW));

        assertThat(read.get(meeting(101)).kind()).isEqualTo(AppointmentKind.COUNCIL); // "Sitzung des Stadtrates"
        assertThat(read.get(meeting(106)).kind()).isEqualTo(AppointmentKind.COUNCIL); // "5. Sitzung" of the Stadtrat
        assertThat(read.get(meeting(102)).kind()).isEqualTo(AppointmentKind.COMMITTEE);
    }

    @Test
    void committeesNamedAfterTheCouncilAreCommittees() throws IOException {
        ObjectMapper json = new ObjectMapper();
        assertThat(OParlMeetingSource.kind(json.readTree("{\"name\": \"Finanzausschuss des Stadtrates\"}")))
                .isEqualTo(AppointmentKind.COMMITTEE);
        assertThat(OParlMeetingSource.kind(json.readTree("{\"name\": \"Sitzung\", \"organization\": [\"https://x/org/1\"]}")))
                .isEqualTo(AppointmentKind.COMMITTEE);
    }

    @Test
    void aMeetingWithoutEndIsTakenToLastTwoHours() {
        BlockedAppointment committee = byId(source.read(list(), null, NOW)).get(meeting(102));

        assertThat(committee.start()).isEqualTo(Instant.parse("2027-01-20T15:00:00Z"));
        assertThat(committee.end()).isEqualTo(Instant.parse("2027-01-20T17:00:00Z"));
    }

    @Test
    void aMeetingWithoutStartIsSkipped() {
        CalendarImport read = source.read(list(), null, NOW);

        assertThat(read.skipped()).isEqualTo(1);
        assertThat(byId(read)).doesNotContainKey(meeting(103));
        assertThat(read.removedExternalIds()).doesNotContain(meeting(103));
    }

    @Test
    void cancelledAndDeletedMeetingsAreRemovals() {
        CalendarImport read = source.read(list(), null, NOW);

        assertThat(read.removedExternalIds()).contains(meeting(104), meeting(105));
        assertThat(byId(read)).doesNotContainKeys(meeting(104), meeting(105));
    }

    @Test
    void aMeetingThatEndedMoreThanAYearAgoIsARemoval() {
        CalendarImport read = source.read(list(), null, NOW);

        assertThat(read.removedExternalIds()).containsExactly(meeting(104), meeting(105), meeting(107));
    }

    @Test
    void everyMeetingNotKeptIsCountedWithItsReason() {
        CalendarImport read = source.read(list(), null, NOW);

        assertThat(read.notKept()).containsExactly(entry(NotKept.NO_START, 1), entry(NotKept.CANCELLED, 1),
                entry(NotKept.DELETED, 1), entry(NotKept.ENDED_BEFORE_WINDOW, 1));
        assertThat(read.keptFrom()).isEqualTo(Instant.parse("2026-01-15T09:00:00Z"));
        assertThat(read.keptUntil()).as("OParl lists what is planned, however far ahead").isNull();
    }

    @Test
    void aListWhoseMeetingsAllEndedMoreThanAYearAgoSaysSoInsteadOfAnsweringNothing() {
        CalendarImport read = source.read(URI.create(base + "/oparl/history"), null, NOW);

        assertThat(read.upserted()).isEmpty();
        assertThat(read.notKept()).containsExactly(entry(NotKept.ENDED_BEFORE_WINDOW, 2), entry(NotKept.DUPLICATE, 1));
    }

    @Test
    void theNewestModifiedOfAllPagesIsReportedIncludingDeletedMeetings() {
        assertThat(source.read(list(), null, NOW).modifiedUntil()).isEqualTo(Instant.parse("2026-12-12T08:15:00Z"));
    }

    @Test
    void anIncrementalSyncAsksForChangesSinceAndGetsOnlyThose() {
        CalendarImport read = source.read(list(), Instant.parse("2026-12-12T08:15:00Z"), NOW);

        assertThat(queries).containsExactly("modified_since=2026-12-12T08:15:00Z");
        assertThat(read.upserted()).extracting(BlockedAppointment::externalId).containsExactly(meeting(101), meeting(108));
        assertThat(byId(read).get(meeting(101)).start()).isEqualTo(Instant.parse("2027-01-13T14:00:00Z"));
        assertThat(read.removedExternalIds()).containsExactly(meeting(102));
        assertThat(read.modifiedUntil()).isEqualTo(Instant.parse("2027-01-12T06:00:00Z"));
    }

    @Test
    void theModifiedSinceParameterIsAddedToAnExistingQuery() {
        assertThat(OParlMeetingSource.withParameter(URI.create("https://ris.example/oparl/meeting?body=1"), "modified_since",
                "2026-12-12T08:15:00Z")).hasToString("https://ris.example/oparl/meeting?body=1&modified_since=2026-12-12T08%3A15%3A00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"query", "segment", "absolute-path", "network-path", "dot-dot", "absolute"})
    void aRelativeNextLinkIsResolvedAsRfc3986SaysIncludingOneOfAQueryOnly(String form) {
        CalendarImport read = source.read(URI.create(base + "/oparl/relative/" + form + "/list"), null, NOW);

        assertThat(read.upserted()).extracting(BlockedAppointment::externalId).containsExactly(form + "-1", form + "-2");
    }

    @Test
    void aNextLinkLeadingBackIsAMalformedSource() {
        assertThatThrownBy(() -> source.read(URI.create(base + "/oparl/loop"), null, NOW))
                .isInstanceOf(Refusal.SourceFailed.class).hasMessageContaining("leads back");
    }

    @Test
    void pagingStopsAtTheLimit() {
        OParlMeetingSource onePage = new OParlMeetingSource(LocalSources.client(), new ObjectMapper(), 1, Duration.ofSeconds(20));

        assertThatThrownBy(() -> onePage.read(list(), null, NOW))
                .isInstanceOf(Refusal.SourceFailed.class).hasMessageContaining("more than 1 pages");
    }

    @Test
    void anAnswerThatIsNotAnOParlListIsAMalformedSource() {
        assertThatThrownBy(() -> source.read(URI.create(base + "/oparl/html"), null, NOW))
                .isInstanceOf(Refusal.SourceFailed.class).hasMessageContaining("did not answer with JSON");
        assertThatThrownBy(() -> source.read(URI.create(base + "/oparl/not-a-list"), null, NOW))
                .isInstanceOf(Refusal.SourceFailed.class).hasMessageContaining("no 'data' array");
    }

    @Test
    void anUnreadableStartFailsTheImportRatherThanDroppingASession() {
        assertThatThrownBy(() -> source.read(URI.create(base + "/oparl/bad-date"), null, NOW))
                .isInstanceOf(Refusal.SourceFailed.class).hasMessageContaining("m-1").hasMessageContaining("not a date-time");
    }

    @Test
    void aMeetingWithADateOutsideTheYears1900To2200IsSkippedAndCounted() {
        CalendarImport read = source.read(URI.create(base + "/oparl/far-out"), null, NOW);

        assertThat(byId(read)).containsOnlyKeys("m-1");
        assertThat(read.skipped()).isEqualTo(4);
        assertThat(read.removedExternalIds()).isEmpty();
        assertThat(read.modifiedUntil()).as("a far-out modified does not move the sync position").isNull();
    }

    @Test
    void anErrorStatusIsAFailingSource() {
        assertThatThrownBy(() -> source.read(URI.create(base + "/oparl/error"), null, NOW))
                .isInstanceOf(Refusal.SourceFailed.class).hasMessageContaining("HTTP 500");
    }

    static String fixture(String path, String base) {
        try (InputStream in = OParlMeetingSourceTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{base}}", base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
