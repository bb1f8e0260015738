package de.gremium.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.RecordRows;
import de.gremium.platform.testing.TestStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a hostile or careless client tries at the edge of the command side (docs/security.md): bodies that trickle
 * in, requests from other origins' web pages, forged correlation ids and log lines, floods of refusals, and
 * idempotency keys used for other requests or after their time. One started command side with short limits.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileClientsTest {

    static final String ALLOWED_ORIGIN = "https://intranet.example.org";
    static ConfigurableApplicationContext app;
    static Http http;
    static int port;

    @BeforeAll
    static void start() {
        List<String> args = new ArrayList<>(TestStore.fresh());
        args.add("--gremium.web.body-deadline=2s");
        args.add("--gremium.web.body-read-timeout=1s");
        args.add("--gremium.security.allowed-origins=" + ALLOWED_ORIGIN);
        args.add("--gremium.idempotency.retention=5s");
        args.add("--gremium.idempotency.clean-up-interval=PT1S");
        app = CommandSideApplication.start(args.toArray(String[]::new));
        port = Ports.of(app);
        http = Http.on(port);
        // the first request of a fresh side is slow (classes loaded, caches filled): not within the 5 s tested below
        assertThat(http.as("anna.amt50").post("/api/problem-reports", report("Aufwärmen")).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Map<String, Object> report(String title) {
        return Map.of("title", title, "description", "Wartezeit sechs Monate", "unit", "Amt 50",
                "policyFields", List.of("LANGUAGE"));
    }

    // --- slow bodies

    @Test
    void aBodyThatTricklesInIsCutOffAtTheDeadline() throws Exception {
        long started = System.nanoTime();
        try (SlowClient client = SlowClient.sending(port, basic("anna.amt50"), 400, Duration.ofMillis(200))) {
            String status = client.statusLine(Duration.ofSeconds(15));

            assertThat(status).contains(" 408 ");
            assertThat(client.closedByServer(Duration.ofSeconds(5))).isTrue();
        }
        // the deadline is 2 s, the whole body would take 80 s
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void aBodyThatStopsArrivingIsCutOffAfterTheReadTimeout() throws Exception {
        long started = System.nanoTime();
        try (SlowClient client = SlowClient.sending(port, basic("anna.amt50"), 3, Duration.ofMillis(1))) {
            // three bytes of a declared 400, then silence: Tomcat's own timeout would wait a minute
            assertThat(client.closedByServer(Duration.ofSeconds(15))).isTrue();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void anUnauthenticatedRequestIsRefusedBeforeItsBodyIsReadAndItsConnectionClosed() throws Exception {
        long started = System.nanoTime();
        try (SlowClient client = SlowClient.sending(port, null, 400, Duration.ofMillis(300))) {
            String status = client.statusLine(Duration.ofSeconds(15));
            Duration refusedAfter = Duration.ofNanos(System.nanoTime() - started);

            assertThat(status).contains(" 401 ");
            assertThat(refusedAfter).as("refused without waiting for the body").isLessThan(Duration.ofSeconds(2));
            assertThat(client.closedByServer(Duration.ofSeconds(5))).as("the trickle is not swallowed").isTrue();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    }

    // --- log flooding and forged lines

    @Test
    void expectedRefusalsOfUnknownThingsLogAtMostOneLineEachAndNoStackTrace(CapturedOutput output) {
        int before = output.getAll().length();
        String unknown = UUID.randomUUID().toString();
        List<Http.Response> refusals = List.of(
                http.as("anna.amt50").post("/api/problem-reports/" + unknown + "/details", Map.of("details", "mehr")),
                http.as("koordinator").post("/api/problem-reports/" + unknown + "/acknowledgement", "{}"),
                http.as("koordinator").post("/api/measures/" + unknown + "/evaluation", ""),
                http.as("koordinator").post("/api/deliberations/" + unknown + "/consensus", ""),
                http.as("koordinator").send("DELETE", "/api/meetings/" + unknown + "/agenda-items/" + unknown, null,
                        new byte[0]),
                http.as("koordinator").post("/api/network-projects/" + unknown + "/dropping", Map.of("reason", "Kein Geld")),
                http.as("anna.amt50").post("/api/nothing-here", "{}"));

        assertThat(refusals).extracting(Http.Response::status).allSatisfy(status -> assertThat(status).isIn(404, 405));
        String log = output.getAll().substring(before);
        assertThat(log).as("the log while the refusals were answered").doesNotContainPattern("(?m)^\\s+at [\\w$.]+\\(")
                .doesNotContainPattern("(?m)^Caused by:");
        assertThat(log.lines().count()).as(log).isLessThanOrEqualTo(refusals.size());
    }

    @Test
    void aLineBreakInLoggedTextCannotStartALineOfItsOwn(CapturedOutput output) {
        String forged = "r-1\n2026-12-07T21:00:00.000Z  INFO 1 --- [gremium-command-side] forged : access granted\u001b[0m";

        LoggerFactory.getLogger(HostileClientsTest.class).warn("report {} not found", forged);

        // as text (or, with structured logs set by an earlier test in this JVM, as JSON): escaped either way
        assertThat(output.getAll()).contains("report r-1\\n2026-12-07T21:00:00.000Z  INFO 1")
                .doesNotContain("access granted\u001b[0m not found")
                .doesNotContainPattern("(?m)^2026-12-07T21:00:00.000Z");
    }

    // --- cross-site requests

    @Test
    void aRequestFromAWebPageOfAnotherOriginIsRefusedBeforeItRuns() {
        long stored = RecordRows.of(app).count();

        Http.Response json = http.as("anna.amt50").header("Origin", "https://evil.example")
                .post("/api/problem-reports", report("Von fremder Seite"));
        Http.Response bodyless = http.as("koordinator").header("Origin", "null")
                .post("/api/measures/" + UUID.randomUUID() + "/evaluation", "");
        Http.Response read = http.as("anna.amt50").header("Origin", "http://127.0.0.1:" + (port + 1)).get("/api/blocked-calendar/appointments");

        assertThat(List.of(json, bodyless, read)).allSatisfy(refused -> {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.json().get("type").asText()).isEqualTo("urn:gremium:problem:foreign-origin");
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("Origin");
        });
        assertThat(RecordRows.of(app).count()).isEqualTo(stored);
    }

    @Test
    void theApisOwnOriginAnAllowedOriginAndProgramsWithoutOriginPass() {
        Http.Response own = http.as("anna.amt50").header("Origin", "http://127.0.0.1:" + port)
                .post("/api/problem-reports", report("Gleiche Herkunft"));
        Http.Response allowed = http.as("anna.amt50").header("Origin", ALLOWED_ORIGIN)
                .post("/api/problem-reports", report("Erlaubte Herkunft"));
        Http.Response program = http.as("anna.amt50").post("/api/problem-reports", report("Ohne Herkunft"));

        assertThat(List.of(own, allowed, program)).extracting(Http.Response::status).containsOnly(201);
    }

    @Test
    void aCommandWhoseBodyIsAFormOrPlainTextIsRefusedWith415EvenWhereTheEndpointTakesNoBody() {
        String evaluation = "/api/measures/" + UUID.randomUUID() + "/evaluation";
        byte[] body = "a=b".getBytes(StandardCharsets.UTF_8);

        List<Http.Response> refused = List.of(
                http.as("koordinator").send("POST", evaluation, "application/x-www-form-urlencoded", body),
                http.as("koordinator").send("POST", evaluation, "text/plain", body),
                http.as("koordinator").send("POST", evaluation, "multipart/form-data; boundary=x", body),
                http.as("koordinator").send("POST", evaluation, null, body));
        Http.Response bodyless = http.as("koordinator").send("POST", evaluation, null, new byte[0]);

        assertThat(refused).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(415);
            assertThat(r.json().get("type").asText()).isEqualTo("urn:gremium:problem:unsupported-media-type");
        });
        assertThat(bodyless.status()).as("a body-less command without Content-Type runs").isEqualTo(404);
    }

    // --- correlation ids

    @Test
    void aClientsCorrelationIdIsKeptAsItsReferenceButTheEventsCarryTheServersOwn() {
        Http.Response created = http.as("anna.amt50").header("X-Correlation-Id", "client-chosen-1")
                .post("/api/problem-reports", report("Korrelation"));

        assertThat(created.status()).isEqualTo(201);
        String servers = created.header("X-Correlation-Id");
        assertThat(servers).isNotBlank().isNotEqualTo("client-chosen-1");
        assertThat(created.header("X-Client-Correlation-Id")).isEqualTo("client-chosen-1");
        RecordRows.Row event = RecordRows.of(app).ofAggregate(created.json().get("id").asText()).get(0);
        assertThat(event.meta().path("correlationId").asText()).isEqualTo(servers);
        assertThat(event.meta().path("clientCorrelationId").asText()).isEqualTo("client-chosen-1");
    }

    // --- idempotency records

    @Test
    void anIdempotencyKeyUsedForAnotherRequestIsRefusedNamingTheHeader() {
        String key = "scope-" + UUID.randomUUID();
        Http.Response first = http.as("anna.amt50").header("Idempotency-Key", key)
                .post("/api/problem-reports", report("Erster"));
        List<Http.Response> others = List.of(
                http.as("anna.amt50").header("Idempotency-Key", key).post("/api/problem-reports", report("Anderer")),
                http.as("anna.amt50").header("Idempotency-Key", key).post("/api/problem-reports?x=1", report("Erster")),
                http.as("anna.amt50").header("Idempotency-Key", key)
                        .post("/api/problem-reports/" + first.json().get("id").asText() + "/details", report("Erster")));

        assertThat(first.status()).isEqualTo(201);
        assertThat(others).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(422);
            assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        });
    }

    @Test
    void aKeyUsedAgainAfterItsRecordExpiredRunsAsNew() {
        String key = "expiry-" + UUID.randomUUID();
        Http.Response first = http.as("anna.amt50").header("Idempotency-Key", key)
                .post("/api/problem-reports", report("Vor Ablauf"));
        Http.Response replayed = http.as("anna.amt50").header("Idempotency-Key", key)
                .post("/api/problem-reports", report("Vor Ablauf"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        String firstId = first.json().get("id").asText();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Http.Response again = http.as("anna.amt50").header("Idempotency-Key", key)
                    .post("/api/problem-reports", report("Nach Ablauf"));
            assertThat(again.status()).as(again.toString()).isEqualTo(201);
            assertThat(again.header("Idempotent-Replayed")).isNull();
            assertThat(again.json().get("id").asText()).isNotEqualTo(firstId);
        });
    }

    @Test
    void expiredRecordsAreRemoved() throws Exception {
        String key = "clean-up-" + UUID.randomUUID();
        assertThat(http.as("anna.amt50").header("Idempotency-Key", key).post("/api/problem-reports", report("Aufräumen"))
                .status()).isEqualTo(201);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(("anna.amt50\u0000" + key).getBytes(StandardCharsets.UTF_8)));
        String count = "SELECT count(*) FROM idempotency_record WHERE id = ?";
        assertThat(jdbc.queryForObject(count, Long.class, id)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(jdbc.queryForObject(count, Long.class, id)).isZero());
    }

    // --- a client that sends its body slowly, on a raw socket

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Http.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a POST's headers, then {@code bytes} of its declared 400-byte body, one every {@code pause}. */
    static final class SlowClient implements AutoCloseable {
        private final Socket socket;
        private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();

        private SlowClient(Socket socket) {
            this.socket = socket;
        }

        static SlowClient sending(int port, String authorization, int bytes, Duration pause) throws IOException {
            SlowClient client = new SlowClient(new Socket("127.0.0.1", port));
            OutputStream out = client.socket.getOutputStream();
            out.write(("POST /api/problem-reports HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Content-Type: application/json\r\nContent-Length: 400\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            AtomicInteger sent = new AtomicInteger();
            client.sender.scheduleAtFixedRate(() -> {
                try {
                    if (sent.getAndIncrement() < bytes) {
                        out.write(' ');
                        out.flush();
                    }
                } catch (IOException closed) {
                    throw new IllegalStateException("closed by the server", closed); // ends the schedule
                }
            }, 0, pause.toMillis(), TimeUnit.MILLISECONDS);
            return client;
        }

        /** The first line of the answer. */
        String statusLine(Duration within) throws IOException {
            socket.setSoTimeout((int) within.toMillis());
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                line.write(c);
            }
            return line.toString(StandardCharsets.US_ASCII);
        }

        /** True once the server has closed the connection (end of stream or reset) within {@code within}. */
        boolean closedByServer(Duration within) throws IOException {
            socket.setSoTimeout((int) within.toMillis());
            InputStream in = socket.getInputStream();
            try {
                while (in.read() != -1) {
                    // the rest of the answer
                }
                return true;
            } catch (SocketTimeoutException stillOpen) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }

        @Override
        public void close() throws IOException {
            sender.shutdownNow();
            socket.close();
        }
    }
}
