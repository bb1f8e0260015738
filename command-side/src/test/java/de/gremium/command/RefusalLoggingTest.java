package de.gremium.command;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A refusal the API answers with a 4xx is the client's to fix and the service working as meant: its problem document
 * says what went wrong, and the log gets no stack trace for it (an operator would read them as failures).
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusalLoggingTest {

    static ConfigurableApplicationContext app;
    static Http http;

    @BeforeAll
    static void start() {
        app = CommandSideApplication.start(TestStore.fresh().toArray(String[]::new));
        http = Http.on(Ports.of(app));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Map<String, Object> report(String title) {
        return Map.of("title", title, "description", "Wartezeit sechs Monate", "unit", "Amt 50",
                "policyFields", List.of("LANGUAGE"));
    }

    @Test
    void expectedRefusalsAreAnsweredWithProblemsAndLogNoStackTrace(CapturedOutput output) {
        Http.Response created = http.as("anna.amt50").post("/api/problem-reports", report("Sprachkurse ausgebucht"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        Map<String, String> closure = Map.of("outcome", "SOLVED", "resolution", "Zwei Kurse mehr");
        assertThat(http.as("koordinator").post("/api/problem-reports/" + id + "/closure", closure).status()).isEqualTo(204);
        String open = http.as("anna.amt50").post("/api/problem-reports", report("Noch offen")).json().get("id").asText();

        List<Http.Response> refusals = List.of(
                http.as("anna.amt50").post("/api/problem-reports", "{\"title\":"),
                http.as("anna.amt50").post("/api/problem-reports", "{\"title\":\"a\",\"colour\":\"red\"}"),
                http.as("anna.amt50").post("/api/problem-reports", report(" ")),
                http.anonymous().post("/api/problem-reports", report("Ohne Anmeldung")),
                http.as("leser").post("/api/problem-reports", report("Nur lesen")),
                http.as("anna.amt50").post("/api/problem-reports/" + UUID.randomUUID() + "/details", Map.of("details", "mehr")),
                http.as("anna.amt50").send("PUT", "/api/problem-reports", "application/json",
                        "{}".getBytes(StandardCharsets.UTF_8)),
                http.as("anna.amt50").send("POST", "/api/problem-reports", "text/plain",
                        "Sprachkurse".getBytes(StandardCharsets.UTF_8)),
                http.as("koordinator").post("/api/problem-reports/" + id + "/closure", closure),
                http.as("koordinator").header("If-Match", "\"7\"").post("/api/problem-reports/" + open + "/closure", closure));

        assertThat(refusals).extracting(Http.Response::status).containsExactly(400, 400, 400, 401, 403, 404, 405, 415, 409, 409);
        assertThat(refusals).allSatisfy(r -> assertThat(r.header("Content-Type")).as(r.toString())
                .startsWith("application/problem+json"));
        assertThat(output.getAll()).as("the log while the refusals were answered")
                .doesNotContainPattern("(?m)^\\s+at [\\w$.]+\\(")
                .doesNotContain("unexpected failure");
    }
}
