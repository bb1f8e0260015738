package de.gremium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.gremium.platform.privacy.PersonalDataSerializer;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.RecordRows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/** A problem report's whole life, through real HTTP on both sides, on the embedded default store. */
class EndToEndTest {

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

    static String submit(String user, String title, String unit, String... fields) {
        Http.Response created = system.command.as(user).post("/api/problem-reports", Map.of(
                "title", title, "description", "Beschreibung von " + title, "unit", unit, "policyFields", List.of(fields)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    static JsonNode awaitReport(String id, String expectedStatus) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Http.Response response = system.query.as("leser").get("/api/problem-reports/" + id);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("status").asText()).isEqualTo(expectedStatus);
            seen[0] = response.json();
        });
        return seen[0];
    }

    @Test
    void aReportGoesFromSubmissionThroughDetailsAcknowledgementAndProposalToClosure() {
        Http.Response created = system.command.as("anna.amt50").header("X-Correlation-Id", "e2e-life-1")
                .post("/api/problem-reports", Map.of("title", "Sprachkurse ausgebucht", "description", "Wartezeit sechs Monate",
                        "unit", "Amt 50", "policyFields", List.of("LANGUAGE", "WOMEN_GIRLS")));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).endsWith("/api/problem-reports/" + id);
        assertThat(created.header("X-Client-Correlation-Id")).isEqualTo("e2e-life-1");
        assertThat(created.header("X-Correlation-Id")).isNotBlank().isNotEqualTo("e2e-life-1");

        JsonNode submitted = awaitReport(id, "SUBMITTED");
        assertThat(submitted.get("title").asText()).isEqualTo("Sprachkurse ausgebucht");
        assertThat(submitted.get("unit").asText()).isEqualTo("Amt 50");
        assertThat(submitted.get("submittedBy").asText()).isEqualTo("anna.amt50");
        assertThat(submitted.get("policyFields")).extracting(JsonNode::asText).containsExactly("LANGUAGE", "WOMEN_GIRLS");

        assertThat(system.command.as("anna.amt50").post("/api/problem-reports/" + id + "/details",
                Map.of("details", "Betrifft vor allem Mütter")).status()).isEqualTo(204);
        assertThat(system.command.as("koordinator").post("/api/problem-reports/" + id + "/acknowledgement",
                Map.of("note", "Kommt auf die Tagesordnung")).status()).isEqualTo(204);
        Http.Response proposed = system.command.as("jonas.fb32").post("/api/problem-reports/" + id + "/solution-proposals",
                Map.of("proposal", "Kurse mit Kinderbetreuung"));
        assertThat(proposed.status()).isEqualTo(201);
        awaitReport(id, "ACKNOWLEDGED");
        assertThat(system.command.as("koordinator").post("/api/problem-reports/" + id + "/closure",
                Map.of("outcome", "SOLVED", "resolution", "Zwei zusätzliche Kurse ab Mai")).status()).isEqualTo(204);

        JsonNode closed = awaitReport(id, "CLOSED");
        assertThat(closed.get("details").get(0).get("details").asText()).isEqualTo("Betrifft vor allem Mütter");
        assertThat(closed.get("acknowledgement").get("acknowledgedBy").asText()).isEqualTo("koordinator");
        assertThat(closed.get("solutionProposals").get(0).get("proposedBy").asText()).isEqualTo("jonas.fb32");
        assertThat(closed.get("solutionProposals").get(0).get("proposalId").asText())
                .isEqualTo(proposed.json().get("proposalId").asText());
        assertThat(closed.get("closure").get("outcome").asText()).isEqualTo("SOLVED");
        assertThat(closed.get("version").asLong()).isEqualTo(4);

        List<RecordRows.Row> events = system.eventsOf(id);
        assertThat(events).extracting(RecordRows.Row::payloadType).containsExactly(
                "de.gremium.events.problem.ProblemReportSubmitted", "de.gremium.events.problem.ProblemReportDetailsAdded",
                "de.gremium.events.problem.ProblemReportAcknowledged", "de.gremium.events.problem.SolutionProposed",
                "de.gremium.events.problem.ProblemReportClosed");
        assertThat(events).extracting(RecordRows.Row::payloadRevision).containsOnly("1");
    }

    @Test
    void everyEventCarriesTheActingUserTheRequestsCorrelationIdAndTheCommandAsCause() {
        // the correlation id is the server's own (echoed in X-Correlation-Id); the client's is kept as its reference
        Http.Response created = system.command.as("anna.amt50").header("X-Correlation-Id", "trace-me-42")
                .post("/api/problem-reports", Map.of("title", "Meta", "description", "Metadaten", "unit", "Amt 50",
                        "policyFields", List.of("HEALTH")));
        String id = created.json().get("id").asText();
        Http.Response acknowledged = system.command.as("koordinator").header("X-Correlation-Id", "trace-me-43")
                .post("/api/problem-reports/" + id + "/acknowledgement", "{}");

        List<RecordRows.Row> events = system.eventsOf(id);
        assertThat(events).hasSize(2);
        JsonNode first = events.get(0).meta();
        JsonNode second = events.get(1).meta();
        assertThat(first.path("userId").asText()).isEqualTo("anna.amt50");
        assertThat(first.path("correlationId").asText()).isEqualTo(created.header("X-Correlation-Id"));
        assertThat(first.path("clientCorrelationId").asText()).isEqualTo("trace-me-42");
        assertThat(second.path("userId").asText()).isEqualTo("koordinator");
        assertThat(second.path("correlationId").asText()).isEqualTo(acknowledged.header("X-Correlation-Id"))
                .isNotEqualTo(first.path("correlationId").asText());
        assertThat(second.path("clientCorrelationId").asText()).isEqualTo("trace-me-43");
        assertThat(first.path("causationId").asText()).isNotBlank()
                .isNotEqualTo(events.get(0).eventId())
                .isNotEqualTo(second.path("causationId").asText());
    }

    @Test
    void theBoardFiltersByStatusUnitAndPolicyFieldAndPagesWithLinks() {
        String unit = "Amt 61";
        String a = submit("jonas.fb32", "Filter A", unit, "SPORT");
        String b = submit("jonas.fb32", "Filter B", unit, "SPORT", "CULTURE");
        String c = submit("jonas.fb32", "Filter C", unit, "CULTURE");
        system.command.as("koordinator").post("/api/problem-reports/" + c + "/acknowledgement", "{}");
        awaitReport(a, "SUBMITTED");
        awaitReport(b, "SUBMITTED");
        awaitReport(c, "ACKNOWLEDGED");

        JsonNode sport = system.query.as("leser").get("/api/problem-reports?unit=Amt%2061&policyField=SPORT").json();
        assertThat(sport.get("data")).extracting(n -> n.get("id").asText()).containsExactly(b, a);
        JsonNode acknowledged = system.query.as("leser").get("/api/problem-reports?unit=Amt%2061&status=ACKNOWLEDGED").json();
        assertThat(acknowledged.get("data")).extracting(n -> n.get("id").asText()).containsExactly(c);

        JsonNode page1 = system.query.as("leser").get("/api/problem-reports?unit=Amt%2061&size=2").json();
        assertThat(page1.get("data")).extracting(n -> n.get("id").asText()).containsExactly(c, b);
        assertThat(page1.get("pagination").get("totalElements").asLong()).isEqualTo(3);
        assertThat(page1.get("pagination").get("totalPages").asInt()).isEqualTo(2);
        String next = page1.get("links").get("next").asText();
        assertThat(next).contains("page=2");
        JsonNode page2 = new Http("").as("leser").get(next).json();
        assertThat(page2.get("data")).extracting(n -> n.get("id").asText()).containsExactly(a);
        assertThat(page2.get("links").has("next")).isFalse();
    }

    @Test
    void aStaleIfMatchIsRefusedWithConflictAndTheCurrentVersionIsAccepted() {
        String id = submit("anna.amt50", "Versionen", "Amt 50", "OPENNESS");
        JsonNode view = awaitReport(id, "SUBMITTED");
        Http.Response fromView = system.query.as("anna.amt50").get("/api/problem-reports/" + id);
        assertThat(fromView.header("ETag")).isEqualTo("\"0\"");
        assertThat(system.command.as("anna.amt50").header("If-Match", "\"0\"")
                .post("/api/problem-reports/" + id + "/details", Map.of("details", "erste")).status()).isEqualTo(204);
        Http.Response stale = system.command.as("anna.amt50").header("If-Match", "\"" + view.get("version").asLong() + "\"")
                .post("/api/problem-reports/" + id + "/details", Map.of("details", "zweite"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        assertThat(stale.json().get("errors").get(0).get("field").asText()).isEqualTo("If-Match");
        assertThat(system.eventsOf(id)).hasSize(2);
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyCreatesNothingTwiceAndReturnsTheFirstResult() {
        Map<String, Object> body = Map.of("title", "Doppelt?", "description", "Einmal bitte", "unit", "Amt 51",
                "policyFields", List.of("SOCIAL_CARE"));
        Http.Response first = system.command.as("anna.amt50").header("Idempotency-Key", "retry-1").post("/api/problem-reports", body);
        Http.Response second = system.command.as("anna.amt50").header("Idempotency-Key", "retry-1").post("/api/problem-reports", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(system.eventsOf(first.json().get("id").asText())).extracting(RecordRows.Row::payloadType)
                .containsExactly("de.gremium.events.problem.ProblemReportSubmitted");

        Http.Response otherUser = system.command.as("jonas.fb32").header("Idempotency-Key", "retry-1").post("/api/problem-reports", body);
        assertThat(otherUser.status()).as("keys are per user").isEqualTo(201);
        assertThat(otherUser.json().get("id").asText()).isNotEqualTo(first.json().get("id").asText());

        Http.Response reused = system.command.as("anna.amt50").header("Idempotency-Key", "retry-1")
                .post("/api/problem-reports", Map.of("title", "Anders", "description", "x", "unit", "Amt 51", "policyFields", List.of("SPORT")));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void sixteenConcurrentRequestsWithOneIdempotencyKeyStoreOneReportAndAllGetTheFirstAnswer() throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = "burst-" + round;
            Map<String, Object> body = Map.of("title", "Gleichzeitig " + round, "description", "sechzehnmal gesendet",
                    "unit", "Amt 51", "policyFields", List.of("SOCIAL_CARE"));
            java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(16);
            List<java.util.concurrent.Future<Http.Response>> sent = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 16; i++) {
                    sent.add(clients.submit(() -> system.command.as("anna.amt50").header("Idempotency-Key", key)
                            .post("/api/problem-reports", body)));
                }
                List<Http.Response> answers = new java.util.ArrayList<>();
                for (var answer : sent) {
                    answers.add(answer.get());
                }
                assertThat(answers).extracting(Http.Response::status).containsOnly(201);
                assertThat(answers).extracting(Http.Response::body).containsOnly(answers.get(0).body());
                assertThat(answers).filteredOn(a -> "true".equals(a.header("Idempotent-Replayed"))).hasSize(15);
                assertThat(system.eventsOf(answers.get(0).json().get("id").asText())).hasSize(1);
            } finally {
                clients.shutdownNow();
            }
        }
    }

    @Test
    void aKeyedRequestThatFailedLeavesNothingSoTheCorrectedOneMayUseTheSameKey() {
        long before = system.record().count();
        Http.Response refused = system.command.as("anna.amt50").header("Idempotency-Key", "fix-and-retry")
                .post("/api/problem-reports", Map.of("title", "", "description", "leer", "unit", "Amt 51",
                        "policyFields", List.of("SOCIAL_CARE")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(system.record().count()).isEqualTo(before);

        Http.Response corrected = system.command.as("anna.amt50").header("Idempotency-Key", "fix-and-retry")
                .post("/api/problem-reports", Map.of("title", "Jetzt mit Titel", "description", "leer", "unit", "Amt 51",
                        "policyFields", List.of("SOCIAL_CARE")));
        assertThat(corrected.status()).isEqualTo(201);
        assertThat(corrected.header("Idempotent-Replayed")).isNull();
        assertThat(system.eventsOf(corrected.json().get("id").asText())).hasSize(1);
    }

    @Test
    void onlyTheAuthorMayAddDetailsAndUnknownReportsAreNotFound() {
        String id = submit("anna.amt50", "Meins", "Amt 50", "HEALTH");
        Http.Response foreign = system.command.as("jonas.fb32").post("/api/problem-reports/" + id + "/details",
                Map.of("details", "fremd"));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Content-Type")).startsWith("application/problem+json");
        Http.Response unknown = system.command.as("anna.amt50").post("/api/problem-reports/does-not-exist/details",
                Map.of("details", "x"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(system.query.as("leser").get("/api/problem-reports/does-not-exist").status()).isEqualTo(404);
        assertThat(system.eventsOf(id)).hasSize(1);
    }

    @Test
    void closingAClosedReportIsAConflictThatNamesTheRule() {
        String id = submit("anna.amt50", "Zweimal schließen", "Amt 50", "HEALTH");
        Map<String, String> close = Map.of("outcome", "SOLVED", "resolution", "erledigt");
        assertThat(system.command.as("koordinator").post("/api/problem-reports/" + id + "/closure", close).status()).isEqualTo(204);
        Http.Response again = system.command.as("koordinator").post("/api/problem-reports/" + id + "/closure", close);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("closed");
    }

    @Test
    void theCommandSideHasNoMongoClientEvenInTheLaunchersJvm() {
        assertThat(system.running.commandSide().getBeanNamesForType(com.mongodb.client.MongoClient.class)).isEmpty();
        assertThat(system.running.querySide().getBeanNamesForType(com.mongodb.client.MongoClient.class)).hasSize(1);
    }

    /**
     * Spring Boot skips an excluded auto-configuration whose class is not on the classpath without a word, so the
     * command side's exclusions (command-side.properties) are checked to name classes that exist here.
     */
    @Test
    void everyAutoConfigurationTheCommandSideExcludesExistsInTheLaunchersJvm() {
        String[] excluded = system.running.commandSide().getEnvironment()
                .getRequiredProperty("spring.autoconfigure.exclude", String[].class);

        assertThat(excluded).hasSizeGreaterThan(5).allSatisfy(name -> assertThat(ClassUtils.isPresent(name.trim(), null))
                .as(name + " is on the classpath").isTrue());
    }

    @Test
    void bothSidesRunAxonInSpringTransactionsAndStoreWithJacksonOnly() {
        for (ConfigurableApplicationContext side : List.of(system.running.commandSide(), system.running.querySide())) {
            assertThat(side.getBean(TransactionManager.class)).isInstanceOf(SpringTransactionManager.class);
            assertThat(side.getBeansOfType(Serializer.class).values())
                    .allSatisfy(serializer -> assertThat(serializer).isInstanceOf(PersonalDataSerializer.class)
                            .extracting(s -> ((PersonalDataSerializer) s).delegate()).isInstanceOf(JacksonSerializer.class));
        }
        assertThat(ClassUtils.isPresent("com.thoughtworks.xstream.XStream", null)).as("XStream on the classpath").isFalse();
    }

    @Test
    void healthAndApiDocsAreOpenToAnonymousCallersAndNothingElseIs() {
        assertThat(system.command.anonymous().get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
        assertThat(system.query.anonymous().get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
        JsonNode commandDocs = system.command.anonymous().get("/v3/api-docs").json();
        assertThat(commandDocs.get("paths").has("/api/problem-reports/{reportId}/closure")).isTrue();
        JsonNode queryDocs = system.query.anonymous().get("/v3/api-docs").json();
        assertThat(queryDocs.get("paths").has("/api/problem-reports/{reportId}")).isTrue();
        assertThat(system.query.anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
        Http.Response denied = system.query.anonymous().get("/api/problem-reports");
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.header("Content-Type")).startsWith("application/problem+json");
        assertThat(system.command.as("anna.amt50").get("/actuator/env").status()).isIn(403, 404);
    }
}
