package de.gremium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.gremium.platform.testing.Http;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The group's work through real HTTP: the constitution from the first start, appointing a member,
 * planning the quarter's meeting, a blocked calendar, a scheduling poll, the fixed date, the
 * iCalendar feed through reschedule and cancellation, and the work plan.
 */
class GroupWorkEndToEndTest {

    @TempDir
    static Path dataDir;
    static RunningSystem system;

    @BeforeAll
    static void start() {
        system = RunningSystem.start(dataDir);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    static JsonNode awaitJson(Http http, String path, java.util.function.Predicate<JsonNode> until) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Http.Response response = http.as("koordinator").get(path);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(until.test(response.json())).as(response.body()).isTrue();
            seen[0] = response.json();
        });
        return seen[0];
    }

    @Test
    void theGroupIsConstitutedOnFirstStartAndTheCoordinatorAppointsAMember() {
        JsonNode units = awaitJson(system.query, "/api/units", json -> json.toString().contains("Amt 61"));
        assertThat(units.toString()).contains("Bereich OB", "Dezernat I", "Dezernat III", "Dezernat IV", "Dezernat V",
                "Dezernat VI", "Amt 16", "Öffentlichkeitsarbeit", "FB 32", "Team 1", "IV/01", "Amt 50", "Amt 51");
        JsonNode members = awaitJson(system.query, "/api/members", json -> json.toString().contains("koordinator"));
        assertThat(members.toString()).contains("anna.amt50", "jonas.fb32", "buero.ob", "COORDINATOR");

        assertThat(system.command.as("anna.amt50").post("/api/group/members",
                Map.of("memberId", "maria.amt51", "name", "Maria Keller", "unit", "Amt 51")).status()).isEqualTo(403);
        assertThat(system.command.as("koordinator").post("/api/group/members",
                Map.of("memberId", "maria.amt51", "name", "Maria Keller", "unit", "Amt 99")).status()).isEqualTo(400);
        assertThat(system.command.as("koordinator").post("/api/group/members",
                Map.of("memberId", "maria.amt51", "name", "Maria Keller", "unit", "Amt 51")).status()).isEqualTo(201);
        awaitJson(system.query, "/api/members?unit=Amt%2051", json -> json.toString().contains("maria.amt51"));
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).toString();
        JsonNode representatives = awaitJson(system.query, "/api/units/Amt%2051/representatives?date=" + today,
                json -> json.toString().contains("maria.amt51"));
        assertThat(representatives.toString()).contains("Maria Keller");
    }

    @Test
    void aQuartersMeetingIsScheduledJointlyAroundTheCouncilAndPublishedAsICalendar() throws Exception {
        Http.Call coordinator = system.command.as("koordinator");
        Http.Response planned = coordinator.post("/api/meetings", Map.of("year", 2027, "quarter", 1, "kind", "REGULAR",
                "title", "Sitzung Q1/2027", "durationMinutes", 60));
        assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
        String meetingId = planned.json().get("id").asText();
        assertThat(meetingId).isEqualTo("regular-2027-Q1");
        assertThat(coordinator.post("/api/meetings", Map.of("year", 2027, "quarter", 1, "kind", "REGULAR",
                "title", "Noch eine", "durationMinutes", 60)).status()).as("one regular meeting per quarter").isEqualTo(409);
        Http.Response tooLong = coordinator.post("/api/meetings", Map.of("year", 2027, "quarter", 1, "kind", "EXTRA",
                "title", "Lang", "durationMinutes", 90));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asText()).isEqualTo("durationMinutes");

        // the council meets on Wednesday 13 January 2027, 14:00-17:00 in Magdeburg
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Stadt Magdeburg//Ratsinfo//DE",
                "BEGIN:VEVENT", "UID:stadtrat-2027-01-13@magdeburg.de", "DTSTAMP:20261201T090000Z",
                "DTSTART:20270113T130000Z", "DTEND:20270113T160000Z", "SUMMARY:Sitzung des Stadtrates",
                "CATEGORIES:Stadtrat", "END:VEVENT", "END:VCALENDAR", "");
        Http.Response imported = coordinator.send("POST", "/api/blocked-calendar/ics", "text/calendar",
                ics.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);

        Http.Response opened = coordinator.post("/api/scheduling-polls", Map.of("meetingId", meetingId,
                "extraSlots", List.of("2027-01-12T10:00:00+01:00")));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String pollId = opened.json().get("pollId").asText();
        List<String> starts = new ArrayList<>();
        opened.json().get("candidates").forEach(c -> starts.add(c.get("start").asText()));
        assertThat(starts).as("Wednesdays at 13:00 Berlin, the council's Wednesday left out")
                .contains("2027-01-06T12:00:00Z", "2027-01-20T12:00:00Z", "2027-03-31T11:00:00Z")
                .doesNotContain("2027-01-13T12:00:00Z");
        JsonNode extra = find(opened.json().get("candidates"), "2027-01-12T09:00:00Z");
        assertThat(extra.get("withinPreferredWindow").asBoolean()).isFalse();
        String jan20 = find(opened.json().get("candidates"), "2027-01-20T12:00:00Z").get("candidateId").asText();
        String jan27 = find(opened.json().get("candidates"), "2027-01-27T12:00:00Z").get("candidateId").asText();

        assertThat(system.command.as("anna.amt50").post("/api/scheduling-polls/" + pollId + "/answers",
                Map.of("answers", Map.of(jan20, "YES", jan27, "NO"))).status()).isEqualTo(204);
        assertThat(system.command.as("jonas.fb32").post("/api/scheduling-polls/" + pollId + "/answers",
                Map.of("answers", Map.of(jan20, "IF_NEED_BE", jan27, "YES"))).status()).isEqualTo(204);
        assertThat(system.command.as("leser").post("/api/scheduling-polls/" + pollId + "/answers",
                Map.of("answers", Map.of(jan20, "YES"))).status()).isEqualTo(403);
        JsonNode poll = awaitJson(system.query, "/api/scheduling-polls/" + pollId, json -> json.toString().contains("jonas.fb32"));
        assertThat(poll.toString()).contains(jan20);

        assertThat(system.command.as("anna.amt50").post("/api/scheduling-polls/" + pollId + "/fixed-date",
                Map.of("candidateId", jan20)).status()).isEqualTo(403);
        assertThat(coordinator.post("/api/scheduling-polls/" + pollId + "/fixed-date", Map.of("candidateId", jan20)).status())
                .isEqualTo(204);
        JsonNode meeting = awaitJson(system.query, "/api/meetings/" + meetingId, json -> "SCHEDULED".equals(json.path("status").asText()));
        assertThat(meeting.toString()).contains("2027-01-20T12:00:00Z");

        VEvent scheduled = feedEvent(meetingId);
        assertThat(scheduled.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("0");
        assertThat(scheduled.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CONFIRMED");
        assertThat(scheduled.getProperty("SUMMARY").orElseThrow().getValue()).contains("Projektgruppe Integration");
        String uid = scheduled.getProperty("UID").orElseThrow().getValue();

        assertThat(coordinator.post("/api/meetings/" + meetingId + "/reschedule", Map.of("start", "2027-01-27T13:00:00+01:00",
                "location", "Altes Rathaus", "reason", "Ausschusssitzung verlegt")).status()).isEqualTo(204);
        awaitJson(system.query, "/api/meetings/" + meetingId, json -> json.toString().contains("2027-01-27T12:00:00Z"));
        VEvent rescheduled = feedEvent(meetingId);
        assertThat(rescheduled.getProperty("UID").orElseThrow().getValue()).isEqualTo(uid);
        assertThat(rescheduled.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");

        java.time.Instant beforeCancellation = java.time.Instant.now();
        assertThat(coordinator.post("/api/meetings/" + meetingId + "/cancellation", Map.of("reason", "Haushaltssperre")).status())
                .isEqualTo(204);
        awaitJson(system.query, "/api/meetings/" + meetingId, json -> "CANCELLED".equals(json.path("status").asText()));
        VEvent cancelled = feedEvent(meetingId);
        assertThat(cancelled.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(cancelled.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("2");

        JsonNode workPlan = awaitJson(system.query, "/api/work-plan/2027", json -> json.toString().contains(meetingId));
        assertThat(workPlan.toString()).contains("CANCELLED", "Sitzung Q1/2027");

        // the work plan as it stood before the cancellation, rebuilt from the events (coordinator only)
        Http.Response before = system.query.as("koordinator").get("/api/work-plan/2027?asOf=" + beforeCancellation);
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(before.body()).contains(meetingId, "SCHEDULED", "2027-01-27T12:00:00Z").doesNotContain("CANCELLED");
        Http.Response beforePlanning = system.query.as("koordinator").get("/api/work-plan/2027?asOf=2026-01-01T00:00:00Z");
        assertThat(beforePlanning.body()).doesNotContain(meetingId);
        assertThat(system.query.as("anna.amt50").get("/api/work-plan/2027?asOf=" + beforeCancellation).status()).isEqualTo(403);
    }

    private static JsonNode find(JsonNode candidates, String start) {
        for (JsonNode candidate : candidates) {
            if (start.equals(candidate.get("start").asText())) {
                return candidate;
            }
        }
        throw new AssertionError("no candidate starting " + start + " in " + candidates);
    }

    private static VEvent feedEvent(String meetingId) throws Exception {
        Http.Response feed = system.query.as("leser").get("/api/meetings.ics");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getProperty("UID").orElseThrow().getValue().startsWith(meetingId + "@"))
                .findFirst().orElseThrow(() -> new AssertionError("no VEVENT for " + meetingId + " in\n" + feed.body()));
    }

    @Test
    void aPollCannotFixADateOnAMeetingThatWasScheduledMeanwhileNorOfferASlotOutsideItsQuarter() {
        Http.Call coordinator = system.command.as("koordinator");
        String meetingId = created(coordinator.post("/api/meetings", Map.of("year", 2027, "quarter", 2, "kind", "EXTRA",
                "title", "Sondersitzung Wohnen", "durationMinutes", 30)));
        Http.Response outside = coordinator.post("/api/scheduling-polls", Map.of("meetingId", meetingId, "preferredSlots", false,
                "extraSlots", List.of("2027-07-07T13:00:00+02:00")));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().get("errors").get(0).get("field").asText()).isEqualTo("extraSlots");

        Http.Response opened = coordinator.post("/api/scheduling-polls", Map.of("meetingId", meetingId));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String pollId = opened.json().get("pollId").asText();
        String candidate = opened.json().get("candidates").get(0).get("candidateId").asText();
        assertThat(coordinator.post("/api/meetings/" + meetingId + "/schedule", Map.of("start", "2027-04-07T13:00:00+02:00"))
                .status()).isEqualTo(204);
        Http.Response fix = coordinator.post("/api/scheduling-polls/" + pollId + "/fixed-date", Map.of("candidateId", candidate));
        assertThat(fix.status()).as(fix.toString()).isEqualTo(409);
    }

    private static String created(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asText();
    }
}
