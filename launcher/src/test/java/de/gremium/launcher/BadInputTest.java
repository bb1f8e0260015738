package de.gremium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.command.values.TextKind;
import de.gremium.platform.testing.Http;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input gets a clear 4xx problem document naming the field and the reason, never a 5xx, and
 * nothing of it is stored.
 */
class BadInputTest {

    @TempDir
    static Path dataDir;
    static RunningSystem system;
    static String report;
    static long eventsBefore;

    @BeforeAll
    static void start() {
        system = RunningSystem.start(dataDir);
        report = system.command.as("anna.amt50").post("/api/problem-reports", Map.of("title", "Basis", "description", "d",
                "unit", "Amt 50", "policyFields", List.of("LANGUAGE"))).json().get("id").asText();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void countEvents() {
        eventsBefore = system.record().count();
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(system.record().count()).isEqualTo(eventsBefore);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing title             | {"description":"d","unit":"Amt 50","policyFields":["LANGUAGE"]}                          | title        | must not be blank
            blank description         | {"title":"t","description":"  ","unit":"Amt 50","policyFields":["LANGUAGE"]}             | description  | must not be blank
            no policy field           | {"title":"t","description":"d","unit":"Amt 50","policyFields":[]}                        | policyFields | must not be empty
            unknown policy field      | {"title":"t","description":"d","unit":"Amt 50","policyFields":["GARDENING"]}             | policyFields[0] | allowed: [OPENNESS
            policy fields not a list  | {"title":"t","description":"d","unit":"Amt 50","policyFields":"LANGUAGE"}                | policyFields | expected an array
            title a number            | {"title":{"a":1},"description":"d","unit":"Amt 50","policyFields":["LANGUAGE"]}         | title        | expected a string
            unknown unit              | {"title":"t","description":"d","unit":"Amt 99","policyFields":["LANGUAGE"]}              | unit         | not an organisational unit
            unknown field             | {"title":"t","description":"d","unit":"Amt 50","policyFields":["LANGUAGE"],"x":1}        | x            | unknown field
            malformed JSON            | {"title":"t",                                                                            | $            | malformed JSON
            two JSON values           | {"title":"t","description":"d","unit":"Amt 50","policyFields":["LANGUAGE"]} {"title":"u"} | $       | unexpected content after the JSON value
            a value after it          | {"title":"t","description":"d","unit":"Amt 50","policyFields":["LANGUAGE"]} true         | $            | unexpected content after the JSON value
            a stray bracket after it  | {"title":"t","description":"d","unit":"Amt 50","policyFields":["LANGUAGE"]}]             | $            | malformed JSON at line 1, column 76
            empty body                | ''                                                                                       | $            | JSON request body is required
            title too long            | {"title":"LONG","description":"d","unit":"Amt 50","policyFields":["LANGUAGE"]}           | title        | size must be between
            NUL in the title          | {"title":"t\\u0000","description":"d","unit":"Amt 50","policyFields":["LANGUAGE"]}      | title        | control character U+0000
            vertical tab in the text  | {"title":"t","description":"a\\u000bb","unit":"Amt 50","policyFields":["LANGUAGE"]}     | description  | control character U+000B
            """)
    void aBadSubmissionIsRefusedWithTheFieldAndTheReason(String caseName, String body, String field, String reason) {
        String json = body.replace("LONG", "x".repeat(300));
        Http.Response response = system.command.as("anna.amt50").post("/api/problem-reports", json);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        assertThat(response.json().get("errors")).anySatisfy(error -> {
            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("reason").asText()).contains(reason);
        });
    }

    @Test
    void anIdWithAControlCharacterIsRefusedNamingTheFieldInsteadOfReachingTheRecord() {
        Http.Response response = system.command.as("koordinator").post("/api/scheduling-polls",
                "{\"meetingId\":\"\\u0000regular-2026-Q4\",\"preferredSlots\":true}");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("meetingId");
        assertThat(response.json().get("errors").get(0).get("reason").asText()).contains("U+0000");
    }

    @Test
    void aQueryParameterOrPathWithAControlCharacterIsRefusedNamingIt() {
        Http.Response parameter = system.command.as("koordinator").send("POST", "/api/blocked-calendar/ics?name=Rat%00haus",
                "text/calendar", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(parameter.status()).as(parameter.toString()).isEqualTo(400);
        assertThat(parameter.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
        Http.Response path = system.query.as("leser").get("/api/problem-reports/abc%01def");
        assertThat(path.status()).as(path.toString()).isEqualTo(400);
        assertThat(path.json().get("errors").get(0).get("field").asText()).isEqualTo("path");
    }

    @Test
    void aBodyAbove64KibIsRefusedWith413() {
        String huge = "{\"title\":\"t\",\"description\":\"" + "x".repeat(70 * 1024) + "\",\"unit\":\"Amt 50\",\"policyFields\":[\"LANGUAGE\"]}";
        Http.Response response = system.command.as("anna.amt50").post("/api/problem-reports", huge);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aBodyJustBelowTheLimitIsReadNormally() {
        String description = "x".repeat(TextKind.TEXT.max() + 1);
        Http.Response response = system.command.as("anna.amt50").post("/api/problem-reports",
                "{\"title\":\"t\",\"description\":\"" + description + "\",\"unit\":\"Amt 50\",\"policyFields\":[\"LANGUAGE\"]}");
        assertThat(response.status()).as("refused for its length, not its size").isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("description");
    }

    @Test
    void aWrongContentTypeIsRefusedWith415() {
        Http.Response response = system.command.as("anna.amt50").send("POST", "/api/problem-reports", "text/plain",
                "title=t".getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anUnknownOutcomeWhenClosingIsRefusedWithTheAllowedValues() {
        Http.Response response = system.command.as("koordinator").post("/api/problem-reports/" + report + "/closure",
                "{\"outcome\":\"MAYBE\",\"resolution\":\"r\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("outcome");
        assertThat(response.json().get("errors").get(0).get("reason").asText()).contains("SOLVED");
    }

    @Test
    void aMalformedIfMatchIsRefused() {
        Http.Response response = system.command.as("anna.amt50").header("If-Match", "\"abc\"")
                .post("/api/problem-reports/" + report + "/details", Map.of("details", "d"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("If-Match");
    }

    @Test
    void anInvalidIdempotencyKeyIsRefused() {
        Http.Response response = system.command.as("anna.amt50").header("Idempotency-Key", "x".repeat(300))
                .post("/api/problem-reports", Map.of("title", "t", "description", "d", "unit", "Amt 50", "policyFields", List.of("LANGUAGE")));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void badQueryParametersAreRefusedWithTheParameterName() {
        Http.Response status = system.query.as("leser").get("/api/problem-reports?status=OPEN");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.json().get("errors").get(0).get("field").asText()).isEqualTo("status");
        Http.Response size = system.query.as("leser").get("/api/problem-reports?size=1000");
        assertThat(size.status()).isEqualTo(400);
        assertThat(size.json().get("errors").get(0).get("field").asText()).isEqualTo("size");
        Http.Response page = system.query.as("leser").get("/api/problem-reports?page=abc");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.json().get("errors").get(0).get("field").asText()).isEqualTo("page");
    }

    @Test
    void aDateOutsideTheYears1900To2200IsRefusedNamingItsFieldBeforeAnythingIsRead() {
        // issue #17: this slot reached the controller and failed converting it to Berlin time (500)
        Http.Response slot = system.command.as("koordinator").post("/api/scheduling-polls", "{\"meetingId\":\"no-such-meeting\","
                + "\"preferredSlots\":false,\"extraSlots\":[\"+999999999-12-31T23:59:59.999999999-18:00\"]}");
        assertThat(slot.status()).as(slot.toString()).isEqualTo(400);
        assertThat(slot.header("Content-Type")).startsWith("application/problem+json");
        assertThat(slot.json().get("type").asText()).isEqualTo("urn:gremium:problem:validation-failed");
        assertThat(slot.json().at("/errors/0/field").asText()).isEqualTo("extraSlots[0]");
        assertThat(slot.json().at("/errors/0/reason").asText())
                .isEqualTo("'+999999999-12-31T23:59:59.999999999-18:00' lies outside the years 1900 to 2200 (UTC)");

        Http.Response asOf = system.query.as("koordinator").get("/api/work-plan/2027?asOf=%2B999999999-12-31T23:59:59Z");
        assertThat(asOf.status()).as(asOf.toString()).isEqualTo(400);
        assertThat(asOf.json().at("/errors/0/field").asText()).isEqualTo("asOf");
        assertThat(asOf.json().at("/errors/0/reason").asText()).contains("outside the years 1900 to 2200");
    }

    @Test
    void unicodeTextIsKeptAsWritten() {
        String title = "Sprachförderung für Kinder – \u0639\u0631\u0628\u064a / \uD83D\uDE00";
        Http.Response response = system.command.as("anna.amt50").post("/api/problem-reports",
                Map.of("title", title, "description", "d", "unit", "Öffentlichkeitsarbeit", "policyFields", List.of("CHILDREN_YOUTH")));
        assertThat(response.status()).isEqualTo(201);
        eventsBefore++; // this one is meant to be stored
        String id = response.json().get("id").asText();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(system.query.as("leser").get("/api/problem-reports/" + id).json().get("title").asText()).isEqualTo(title));
        assertThat(system.eventsOf(id)).hasSize(1);
    }
}
