package de.gremium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.gremium.embedded.EmbeddedPostgresServer;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.RecordRows;
import de.gremium.platform.testing.TestStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store goes away for a while under load and comes back. While it is away, requests fail fast
 * with 503, a problem document and Retry-After, never a 500 and never a hang; when it is back, the
 * same running application serves again without a restart; and nothing is half-written: every report
 * acknowledged with 201 is in the store once and reaches the view, every aggregate's event stream is
 * gapless, and a 503 created nothing that a retry with the same Idempotency-Key does not account for
 * (each key ends with exactly one report).
 *
 * <p>The outage is the record's PostgreSQL stopped for 3 s and started again on the same folder and port, its
 * data intact: connections are refused and open ones broken, as in a database restart. The connection pool's
 * timeout is set to 1 s, as an operator would for fail-fast behaviour.
 */
class StoreOutageTest {

    static final Duration BEFORE = Duration.ofMillis(1_500);
    static final Duration OUTAGE = Duration.ofSeconds(3);
    static final Duration AFTER = Duration.ofSeconds(4);
    /** "Fail fast": a refused request during the outage is answered within this, far below a client's patience. */
    static final Duration FAST = Duration.ofMillis(3_000);
    /** The application reconnects by itself within this after the store is back. */
    static final Duration RECOVERY = Duration.ofSeconds(5);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void requestsFailFastWhileTheStoreIsAwayAndTheSystemRecoversWithNothingHalfWritten() throws Exception {
        Assumptions.assumeFalse(TestStore.realPostgres(), "the outage is simulated on the embedded PostgreSQL");
        try (RunningSystem system = RunningSystem.start(dataDir, "--spring.datasource.hikari.connection-timeout=1000")) {
            StoreSwitch store = StoreSwitch.of(system);
            int port = Ports.of(system.running.commandSide());
            Http.Response warmUp = system.command.as("anna.amt50").post("/api/problem-reports", report("warm-up"));
            assertThat(warmUp.status()).as(warmUp.toString()).isEqualTo(201);

            // light load: two clients with Idempotency-Keys, one without
            AtomicBoolean running = new AtomicBoolean(true);
            List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                boolean keyed = c < 2;
                String name = keyed ? "k" + c : "u";
                Thread client = new Thread(() -> load(port, name, keyed, running, attempts), "outage-client-" + name);
                client.start();
                clients.add(client);
            }
            Thread.sleep(BEFORE.toMillis());
            // the outage begins when the server has stopped (pg_ctl stop waits for it): a request begun while it
            // was still shutting down may be served, and counts as one across the edge
            store.stop();
            long down = System.nanoTime();
            Thread.sleep(OUTAGE.toMillis() / 2);
            long healthAsked = System.nanoTime();
            Http.Response healthDuringOutage = system.command.anonymous().get("/actuator/health");
            long healthMillis = (System.nanoTime() - healthAsked) / 1_000_000;
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - down) / 1_000_000));
            long up = System.nanoTime();
            store.start();
            Thread.sleep(AFTER.toMillis());
            running.set(false);
            for (Thread client : clients) {
                client.join(30_000);
            }

            List<Attempt> all = new ArrayList<>(attempts);
            all.sort(java.util.Comparator.comparingLong(Attempt::started));
            Map<String, Integer> byPhaseAndStatus = new TreeMap<>();
            for (Attempt a : all) {
                byPhaseAndStatus.merge(a.phase(down, up) + " " + (a.error() != null ? "no answer" : a.status()), 1, Integer::sum);
            }
            long slowest503 = all.stream().filter(a -> a.status() == 503).mapToLong(Attempt::millis).max().orElse(-1);
            long firstSuccessAfterUp = all.stream().filter(a -> a.started() >= up && a.status() == 201)
                    .mapToLong(a -> (a.ended() - up) / 1_000_000).min().orElse(-1);
            System.out.printf("StoreOutageTest: %d requests; by phase and status %s; slowest 503 %d ms; first 201 "
                    + "%d ms after the store came back; health during the outage %d in %d ms%n", all.size(),
                    byPhaseAndStatus, slowest503, firstSuccessAfterUp, healthDuringOutage.status(), healthMillis);

            all.stream().filter(a -> !a.phase(down, up).equals("before") && !a.phase(down, up).equals("after")).forEach(a ->
                    System.out.printf("StoreOutageTest: %s %s +%d ms: %d in %d ms%n", a.phase(down, up), a.correlationId(),
                            (a.started() - down) / 1_000_000, a.status(), a.millis()));

            // during the outage: fast 503s with a problem document and Retry-After, nothing else
            assertThat(all.stream().filter(a -> a.error() != null)).as("requests without an answer").isEmpty();
            assertThat(all.stream().filter(a -> a.status() >= 500 && a.status() != 503)).as("5xx other than 503").isEmpty();
            List<Attempt> refused = all.stream().filter(a -> a.status() == 503).toList();
            assertThat(refused).as("the outage was felt").isNotEmpty();
            assertThat(refused).allSatisfy(a -> {
                assertThat(a.contentType()).as(a.toString()).startsWith("application/problem+json");
                assertThat(a.retryAfter()).as("Retry-After of " + a).isNotBlank().containsOnlyDigits();
                JsonNode problem = JSON.readTree(a.body());
                assertThat(problem.path("status").asInt()).as(a.toString()).isEqualTo(503);
                assertThat(problem.path("type").asText()).as(a.toString()).isEqualTo("urn:gremium:problem:store-unavailable");
                assertThat(problem.path("detail").asText()).as(a.toString()).contains("Retry");
                assertThat(a.millis()).as("a refusal is fast: " + a).isLessThan(FAST.toMillis());
            });
            assertThat(all).as("requests begun while the store was away").filteredOn(a -> a.started() > down && a.started() < up)
                    .hasSizeGreaterThanOrEqualTo(3);
            assertThat(all).as("requests begun and answered while the store was away").filteredOn(a -> a.phase(down, up)
                    .equals("during")).isNotEmpty().allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(503));
            assertThat(healthDuringOutage.status()).as("health while the store is away: " + healthDuringOutage).isEqualTo(503);

            // after the outage: the same application serves again by itself
            assertThat(firstSuccessAfterUp).as("ms from the store's return to the first 201").isBetween(0L, RECOVERY.toMillis());
            assertThat(all).as("every request begun " + RECOVERY.toSeconds() + " s after the store's return succeeded")
                    .filteredOn(a -> a.started() - up > RECOVERY.toNanos())
                    .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(system.command.anonymous().get("/actuator/health").status()).isEqualTo(200));

            // a 503 is safe to retry with the same Idempotency-Key: each key ends with exactly one report
            Map<String, List<Attempt>> byKey = new LinkedHashMap<>();
            all.stream().filter(a -> a.key() != null).forEach(a -> byKey.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(a));
            long inDoubtKeys = byKey.values().stream().filter(list -> list.stream().noneMatch(a -> a.status() == 201))
                    .filter(list -> countByCorrelation(system, list.get(0).correlationId()) > 0).count();
            HttpClient retryClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (List<Attempt> tries : byKey.values()) {
                Attempt first = tries.get(0);
                for (int retry = 0; retry < 10 && tries.stream().noneMatch(a -> a.status() == 201); retry++) {
                    tries.add(send(retryClient, port, first.client(), first.key(), first.correlationId(), "retry"));
                    if (tries.get(tries.size() - 1).status() != 201) {
                        Thread.sleep(300);
                    }
                }
            }
            // and once more each: an answer that was given while the store went away may not be recorded for its key
            // (the record stays pending), so the key's request runs again; it must name the same report and add nothing
            for (List<Attempt> tries : byKey.values()) {
                Attempt first = tries.get(0);
                tries.add(send(retryClient, port, first.client(), first.key(), first.correlationId(), "replay"));
            }
            Map<String, String> reportOfKey = new HashMap<>();
            byKey.forEach((key, tries) -> {
                assertThat(tries.get(tries.size() - 1).status()).as("the key's request once more: " + tries).isEqualTo(201);
                List<String> ids = tries.stream().filter(a -> a.status() == 201).map(Attempt::reportId).distinct().toList();
                assertThat(ids).as("reports acknowledged for key " + key + ": " + tries).hasSize(1);
                reportOfKey.put(key, ids.get(0));
            });

            // nothing half-written
            Map<String, List<RecordRows.Row>> streams = new HashMap<>();
            for (RecordRows.Row event : system.record().all()) {
                streams.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(event);
            }
            streams.values().forEach(events -> events.sort(java.util.Comparator.comparingLong(RecordRows.Row::sequenceNumber)));
            streams.forEach((aggregate, events) -> {
                for (int i = 0; i < events.size(); i++) {
                    assertThat(events.get(i).sequenceNumber()).as("gapless event stream of " + aggregate).isEqualTo(i);
                }
            });
            Map<String, Long> eventsByCorrelation = new HashMap<>();
            for (List<RecordRows.Row> events : streams.values()) {
                for (RecordRows.Row event : events) {
                    String correlation = event.meta().path("clientCorrelationId").asText(null);
                    if (correlation != null) {
                        eventsByCorrelation.merge(correlation, 1L, Long::sum);
                    }
                }
            }
            byKey.forEach((key, tries) -> {
                String id = reportOfKey.get(key);
                assertThat(eventsByCorrelation.getOrDefault(tries.get(0).correlationId(), 0L))
                        .as("events stored for key " + key).isEqualTo(1);
                assertThat(streams.get(id)).as("the report of key " + key).hasSize(1);
                assertThat(streams.get(id).get(0).payloadType()).endsWith("ProblemReportSubmitted");
                assertThat(system.record().jdbc().queryForObject("SELECT count(*) FROM idempotency_record WHERE id = ? "
                        + "AND status = 201", Long.class, FuzzTest.idempotencyId("anna.amt50", key)))
                        .as("completed idempotency record of " + key).isEqualTo(1);
            });
            List<Attempt> unkeyed = all.stream().filter(a -> a.key() == null).toList();
            long unkeyedInDoubt = unkeyed.stream().filter(a -> a.status() != 201)
                    .filter(a -> eventsByCorrelation.containsKey(a.correlationId())).count();
            for (Attempt a : unkeyed) {
                if (a.status() == 201) {
                    assertThat(streams.get(a.reportId())).as("the report acknowledged to " + a).hasSize(1);
                    assertThat(eventsByCorrelation.get(a.correlationId())).as("events of " + a).isEqualTo(1);
                }
            }
            List<String> acknowledged = new ArrayList<>(reportOfKey.values());
            unkeyed.stream().filter(a -> a.status() == 201).forEach(a -> acknowledged.add(a.reportId()));
            System.out.printf("StoreOutageTest: %d keys, %d of them refused at first and stored anyway (in doubt, settled by"
                    + " the retry); %d unkeyed requests, %d refused but stored (in doubt, the reason for keys); %d reports"
                    + " acknowledged%n", byKey.size(), inDoubtKeys, unkeyed.size(), unkeyedInDoubt, acknowledged.size());

            // and the view shows every acknowledged report, once the query side has caught up by itself
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                for (String id : acknowledged) {
                    Http.Response view = system.query.as("leser").get("/api/problem-reports/" + id);
                    assertThat(view.status()).as("view of acknowledged report " + id + ": " + view).isEqualTo(200);
                }
            });
        }
    }

    private static long countByCorrelation(RunningSystem system, String correlationId) {
        return system.record().all().stream()
                .filter(event -> correlationId.equals(event.meta().path("clientCorrelationId").asText(null))).count();
    }

    static Map<String, Object> report(String title) {
        return Map.of("title", "Ausfall " + title, "description", "unter Last", "unit", "Amt 50", "policyFields",
                List.of("LANGUAGE"));
    }

    private static void load(int port, String client, boolean keyed, AtomicBoolean running, List<Attempt> attempts) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; running.get() && i < 10_000; i++) {
            String id = "outage-" + client + "-" + i;
            attempts.add(send(http, port, client, keyed ? id : null, id, "load"));
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static Attempt send(HttpClient http, int port, String client, String key, String correlationId, String purpose) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/problem-reports"))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("anna.amt50:" + Http.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .header("X-Correlation-Id", correlationId);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        long started = System.nanoTime();
        try {
            String body = JSON.writeValueAsString(report(correlationId));
            HttpResponse<String> response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Attempt(client, key, correlationId, purpose, started, System.nanoTime(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null), response.body(), null);
        } catch (IOException e) {
            return new Attempt(client, key, correlationId, purpose, started, System.nanoTime(), -1, null, null, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(client, key, correlationId, purpose, started, System.nanoTime(), -1, null, null, null, e.toString());
        }
    }

    record Attempt(String client, String key, String correlationId, String purpose, long started, long ended, int status,
            String contentType, String retryAfter, String body, String error) {

        long millis() {
            return (ended - started) / 1_000_000;
        }

        /** before, during or after the outage, or across one of its edges. */
        String phase(long down, long up) {
            if (!purpose.equals("load")) {
                return purpose;
            }
            if (ended < down) {
                return "before";
            }
            if (started > down && ended < up) {
                return "during";
            }
            return started > up ? "after" : "across";
        }

        String reportId() {
            try {
                return JSON.readTree(body).path("id").asText(null);
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return purpose + " " + correlationId + (key == null ? "" : " key " + key) + " -> " + (error != null ? error
                    : status + " in " + millis() + " ms, " + contentType + ", Retry-After " + retryAfter + ": " + body);
        }
    }

    /** The embedded PostgreSQL of the running system, stopped and started again on its folder and port. */
    static final class StoreSwitch {
        private final EmbeddedPostgresServer server;

        private StoreSwitch(EmbeddedPostgresServer server) {
            this.server = server;
        }

        static StoreSwitch of(RunningSystem system) {
            return new StoreSwitch(system.running.stores().postgres().orElseThrow());
        }

        void stop() {
            server.stop();
        }

        void start() {
            server.startAgain();
        }
    }
}
