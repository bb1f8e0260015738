package de.gremium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gremium reads its own OParl: meetings planned and dated through the command side come out of the query side's
 * OParl meeting list (opened to anonymous readers, as the import reads without signing in), and the command
 * side's OParl import (the blocked calendar's sync) takes them in page by page, and a cancellation out again.
 */
class OParlRoundTripTest {

    @TempDir
    static Path dataDir;
    static RunningSystem system;

    @BeforeAll
    static void start() {
        system = RunningSystem.start(dataDir, "--gremium.oparl.anonymous=true",
                "--gremium.calendar.allowed-hosts=127.0.0.1", "--gremium.calendar.private-hosts=127.0.0.1");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    static String created(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    static void ok(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 204);
    }

    static List<JsonNode> appointments() {
        Http.Response response = system.command.as("koordinator").get("/api/blocked-calendar/appointments?from=2027-04-01&to=2027-09-30");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return StreamSupport.stream(response.json().spliterator(), false).toList();
    }

    @Test
    void meetingsCreatedThroughTheCommandApiComeOutOfTheOParlMeetingListAndTheOParlImportReadsThem() {
        Http.Call coordinator = system.command.as("koordinator");
        String q2 = created(coordinator.post("/api/meetings", Map.of("year", 2027, "quarter", 2, "kind", "REGULAR",
                "title", "Sitzung Q2/2027", "durationMinutes", 60)));
        String q3 = created(coordinator.post("/api/meetings", Map.of("year", 2027, "quarter", 3, "kind", "REGULAR",
                "title", "Sitzung Q3/2027", "durationMinutes", 45)));
        String extra = created(coordinator.post("/api/meetings", Map.of("year", 2027, "quarter", 3, "kind", "EXTRA",
                "title", "Sondersitzung Sprache", "durationMinutes", 30)));
        ok(coordinator.post("/api/meetings/" + q2 + "/schedule", Map.of("start", "2027-04-14T13:00:00+02:00",
                "location", "Altes Rathaus")));
        ok(coordinator.post("/api/meetings/" + q3 + "/schedule", Map.of("start", "2027-07-14T13:00:00+02:00")));
        ok(coordinator.post("/api/meetings/" + extra + "/schedule", Map.of("start", "2027-08-11T14:00:00+02:00")));

        int queryPort = Ports.of(system.running.querySide());
        String list = "http://127.0.0.1:" + queryPort + "/oparl/v1.1/body/magdeburg/meeting";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Http.Response page = system.query.anonymous().get("/oparl/v1.1/body/magdeburg/meeting");
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.json().get("data")).as(page.body()).hasSize(3)
                    .allSatisfy(meeting -> assertThat(meeting.get("meetingState").asText()).isEqualTo("terminiert"));
        });

        // two meetings a page: the import must follow links.next to the last page
        Http.Response first = coordinator.post("/api/blocked-calendar/oparl-sync", Map.of("url", list + "?limit=2"));
        ok(first);
        assertThat(first.json().get("upserted").asInt()).as(first.body()).isEqualTo(3);
        assertThat(first.json().get("skipped").asInt()).isZero();
        List<JsonNode> blocked = appointments();
        assertThat(blocked).extracting(a -> a.get("title").asText())
                .containsExactly("Sitzung Q2/2027", "Sitzung Q3/2027", "Sondersitzung Sprache");
        assertThat(blocked).extracting(a -> a.get("externalId").asText()).containsExactly(
                "http://127.0.0.1:" + queryPort + "/oparl/v1.1/meeting/" + q2,
                "http://127.0.0.1:" + queryPort + "/oparl/v1.1/meeting/" + q3,
                "http://127.0.0.1:" + queryPort + "/oparl/v1.1/meeting/" + extra);
        assertThat(blocked).extracting(a -> Instant.parse(a.get("start").asText())).containsExactly(
                Instant.parse("2027-04-14T11:00:00Z"), Instant.parse("2027-07-14T11:00:00Z"), Instant.parse("2027-08-11T12:00:00Z"));
        assertThat(blocked).extracting(a -> Instant.parse(a.get("end").asText())).containsExactly(
                Instant.parse("2027-04-14T12:00:00Z"), Instant.parse("2027-07-14T11:45:00Z"), Instant.parse("2027-08-11T12:30:00Z"));

        ok(coordinator.post("/api/meetings/" + extra + "/cancellation", Map.of("reason", "kein Bedarf")));
        await().atMost(Duration.ofSeconds(60)).until(() -> system.query.anonymous().get("/oparl/v1.1/meeting/" + extra)
                .body().contains("\"cancelled\":true"));
        // the second sync asks only for what changed since (modified_since) and takes the cancelled meeting out
        Http.Response second = coordinator.post("/api/blocked-calendar/oparl-sync", Map.of("url", list + "?limit=2"));
        ok(second);
        assertThat(second.json().get("removed").asInt()).as(second.body()).isEqualTo(1);
        assertThat(appointments()).extracting(a -> a.get("title").asText())
                .containsExactly("Sitzung Q2/2027", "Sitzung Q3/2027");
    }
}
