package de.gremium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.RecordRows;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.QuerySideApplication;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Crash under load: the whole app (both sides and the embedded store, as the launcher runs them) in a
 * JVM of its own, 16 clients submitting 1,000 problem reports, each with its own Idempotency-Key, and
 * acknowledging every fourth one; the app is SIGKILLed at three random points of the load and once more
 * when the load is done, each time restarted on the same data folder and ports. Clients retry, with the
 * same key, whatever was not answered. Afterwards every report exists exactly once, every aggregate's
 * sequence numbers have no gap, nothing acknowledged before a kill is lost, and the views converge.
 *
 * <p>The kill points are drawn from a seed printed at the start; {@code -Dgremium.crash.seed=N} repeats
 * them (not the interleaving of the clients). With {@code MONGODB_URI} set, the app (which inherits the
 * environment) and the checks use that MongoDB, in a database of the test's own, instead.
 */
class CrashUnderLoadTest {

    private static final int REPORTS = 1_000;
    private static final int CLIENTS = 16;
    private static final int ACKNOWLEDGE_EVERY = 4;
    private static final int MAX_ATTEMPTS = 12;
    /** Kill when this share of the reports was answered 201, drawn from each band. */
    private static final double[][] KILL_BANDS = {{0.05, 0.15}, {0.40, 0.50}, {0.75, 0.85}};
    /**
     * A bound against a hang, not a speed target: 1,000 reports and three restarts of a separate JVM take about a
     * minute on a quiet 2-core machine, and several minutes when other builds share it (each restart alone took over
     * a minute at a load average of 12).
     */
    private static final Duration LOAD_DEADLINE = Duration.ofSeconds(420);
    private static final String SUBMITTED = "de.gremium.events.problem.ProblemReportSubmitted";
    private static final String ACKNOWLEDGED = "de.gremium.events.problem.ProblemReportAcknowledged";
    private static final String[] MEMBERS = {"anna.amt50", "jonas.fb32"};

    @TempDir
    Path dataDir;

    private int postgresPort;
    private int viewsPort;
    private List<String> storeArgs;
    private int commandPort;
    private int queryPort;
    private List<String> appArgs;
    private int starts;
    private JavaProcess app;

    // shared by the clients and the test thread
    private volatile boolean up;
    private volatile boolean abort;
    private long deadline;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger reportsAnswered = new AtomicInteger();
    private final AtomicReferenceArray<String> reportIds = new AtomicReferenceArray<>(REPORTS);
    private final Set<String> acknowledgementsAnswered = ConcurrentHashMap.newKeySet();
    private final AtomicInteger lostConnections = new AtomicInteger();
    private final AtomicInteger replayed = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // past the load's deadline, which fails with what went wrong
    void everyReportExistsExactlyOnceAfterSigkillsUnderLoad() throws Exception {
        long seed = Long.getLong("gremium.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        String run = Long.toHexString(seed);
        postgresPort = TestStore.freePort();
        viewsPort = TestStore.freePort();
        commandPort = TestStore.freePort();
        queryPort = TestStore.freePort();
        storeArgs = RunningSystem.storeArgs(dataDir.resolve("store"), postgresPort, viewsPort);
        appArgs = new ArrayList<>(storeArgs);
        appArgs.add("--COMMAND_SIDE_PORT=" + commandPort);
        appArgs.add("--QUERY_SIDE_PORT=" + queryPort);
        appArgs.add("--gremium.intranet-port=" + TestStore.freePort()); // not 8082: another run may hold it
        int[] killAt = new int[KILL_BANDS.length];
        for (int k = 0; k < killAt.length; k++) {
            double[] band = KILL_BANDS[k];
            killAt[k] = (int) (REPORTS * (band[0] + random.nextDouble() * (band[1] - band[0])));
        }
        System.out.printf("CrashUnderLoadTest: seed=%d (repeat with -Dgremium.crash.seed=%d), kills after %s of %d"
                + " reports answered and once after the load%n", seed, seed, Arrays.toString(killAt), REPORTS);

        long started = System.nanoTime();
        List<Thread> clients = new ArrayList<>();
        try {
            start();
            up = true;
            deadline = System.nanoTime() + LOAD_DEADLINE.toNanos();
            for (int c = 0; c < CLIENTS; c++) {
                Thread client = new Thread(() -> client(run), "crash-client-" + (c + 1));
                client.setDaemon(true);
                client.setUncaughtExceptionHandler((thread, e) -> unexpected.add(thread.getName() + " failed: " + e));
                client.start();
                clients.add(client);
            }

            for (int k = 0; k < killAt.length; k++) {
                int threshold = killAt[k];
                await("kill point " + (k + 1)).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(2))
                        .until(() -> reportsAnswered.get() >= threshold || !unexpected.isEmpty());
                assertThat(unexpected).as("unexpected answers").isEmpty();
                Thread.sleep(random.nextInt(30));
                killAndRestart("kill " + (k + 1));
            }

            for (Thread client : clients) {
                client.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
            assertThat(clients).as("clients finished within the deadline").noneMatch(Thread::isAlive);
            System.out.printf("CrashUnderLoadTest: load done after %d ms: %d lost connections retried, %d answers"
                            + " replayed%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    lostConnections.get(), replayed.get());
            assertThat(unexpected).as("unexpected answers").isEmpty();

            // (1) every key was answered 201 in the end, each with an id of its own
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < REPORTS; i++) {
                assertThat(reportIds.get(i)).as("report %d answered", i).isNotNull();
                ids.add(reportIds.get(i));
            }
            assertThat(ids).as("distinct ids").hasSize(REPORTS);
            Set<String> acknowledged = new HashSet<>(acknowledgementsAnswered);
            assertThat(acknowledged).hasSize((REPORTS + ACKNOWLEDGE_EVERY - 1) / ACKNOWLEDGE_EVERY);

            // a last kill when everything is answered and the views may not have been committed yet
            killAndRestart("kill after the load");
            app.awaitHealthy(queryPort);

            assertTheStoreHoldsEachReportOnceWithoutGaps(ids, acknowledged);
            assertTheViewsConverge(ids, acknowledged);
            assertEveryViewEqualsARebuildFromTheRecord();
            for (int n = 1; n <= starts; n++) {
                assertThat(Files.readString(log(n))).as("app-%d.log", n).doesNotContain(" ERROR ");
            }
            System.out.printf("CrashUnderLoadTest: passed in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (Throwable failure) {
            if (app != null) {
                List<String> lines = app.output().lines().toList();
                System.out.printf("CrashUnderLoadTest: failed (seed=%d); end of %s:%n%s%n", seed, app.log,
                        String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
            }
            throw failure;
        } finally {
            abort = true;
            for (Thread client : clients) {
                client.join(5_000);
            }
            if (app != null) {
                app.close();
            }
        }
        assertThat(RestartTest.postmaster(dataDir.resolve("store"))).as("a PostgreSQL left running after the stop").isEmpty();
    }

    // --- the clients

    private void client(String run) {
        Http http = Http.on(commandPort);
        for (int i = next.getAndIncrement(); i < REPORTS && !abort; i = next.getAndIncrement()) {
            int report = i;
            String member = MEMBERS[report % MEMBERS.length];
            Http.Response created = untilAnswered("report " + report, false, () -> http.as(member)
                    .header("Idempotency-Key", run + "-report-" + report)
                    .post("/api/problem-reports", Map.of("title", "Absturz " + report, "description", "unter Last",
                            "unit", "Amt 50", "policyFields", List.of("LANGUAGE"))));
            if (created == null) {
                return;
            }
            String id = created.json().get("id").asText();
            reportIds.set(report, id);
            reportsAnswered.incrementAndGet();
            if (report % ACKNOWLEDGE_EVERY == 0) {
                Http.Response acknowledged = untilAnswered("acknowledgement " + report, true, () -> http
                        .as("koordinator").header("Idempotency-Key", run + "-ack-" + report)
                        .post("/api/problem-reports/" + id + "/acknowledgement", Map.of("note", "gesehen " + report)));
                if (acknowledged == null) {
                    return;
                }
                acknowledgementsAnswered.add(id);
            }
        }
    }

    /**
     * Sends until answered: a lost connection (the app was killed) is retried with the same request and
     * key once the app is up again. Creating answers 201; acknowledging answers 204, on a retry too: the key,
     * the events and the answer are stored in one transaction, so a retry either replays the first answer or
     * runs afresh (IdempotencyFilter). Anything else is recorded as unexpected.
     */
    private Http.Response untilAnswered(String what, boolean acknowledgement, Supplier<Http.Response> call) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (!awaitUp()) {
                return null;
            }
            Http.Response response;
            try {
                response = call.get();
            } catch (UncheckedIOException lost) {
                lostConnections.incrementAndGet();
                sleep(Math.min(500, 20L * attempt));
                continue;
            }
            if ("true".equals(response.header("Idempotent-Replayed"))) {
                replayed.incrementAndGet();
            }
            int status = response.status();
            if (!acknowledgement && status == 201) {
                return response;
            }
            if (acknowledgement && status == 204) {
                return response;
            }
            unexpected.add(what + ", attempt " + attempt + ": " + response);
            return null;
        }
        unexpected.add(what + ": no answer in " + MAX_ATTEMPTS + " attempts");
        return null;
    }

    private boolean awaitUp() {
        while (!up) {
            if (abort || System.nanoTime() > deadline) {
                unexpected.add("app not up again before the deadline");
                return false;
            }
            sleep(10);
        }
        return !abort;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- the app

    /** Starts the app (the launcher: both sides and the embedded store) and waits until commands are taken. */
    private void start() {
        app = JavaProcess.start(GremiumLauncher.class, log(++starts), appArgs);
        app.awaitHealthy(commandPort);
    }

    private Path log(int start) {
        return dataDir.resolve("app-" + start + ".log");
    }

    /** SIGKILL while clients are sending; what was answered before must be stored after the restart. */
    private void killAndRestart(String what) {
        up = false;
        Set<String> reportsBefore = new HashSet<>();
        for (int i = 0; i < REPORTS; i++) {
            if (reportIds.get(i) != null) {
                reportsBefore.add(reportIds.get(i));
            }
        }
        Set<String> acknowledgementsBefore = new HashSet<>(acknowledgementsAnswered);
        long killed = System.nanoTime();
        app.kill();
        start();
        long healthy = System.nanoTime();
        // (5) durability: every report and acknowledgement answered before the kill is in the store
        {
            Set<String> submitted = aggregatesWith(SUBMITTED);
            Set<String> acknowledged = aggregatesWith(ACKNOWLEDGED);
            assertThat(submitted).as("%s: reports answered 201 before it are stored", what).containsAll(reportsBefore);
            assertThat(acknowledged).as("%s: acknowledgements answered 204 before it are stored", what)
                    .containsAll(acknowledgementsBefore);
            System.out.printf("CrashUnderLoadTest: %s with %d reports and %d acknowledgements answered, %d and %d"
                            + " stored; restarted in %d ms%n", what, reportsBefore.size(), acknowledgementsBefore.size(),
                    submitted.size(), acknowledged.size(), TimeUnit.NANOSECONDS.toMillis(healthy - killed));
        }
        up = true;
    }

    // --- the checks

    /** The record the app writes to, read directly while the app runs. */
    private RecordRows record() {
        String url = TestStore.realPostgres() ? storeArgs.stream().filter(a -> a.startsWith("--spring.datasource.url="))
                .findFirst().orElseThrow().substring("--spring.datasource.url=".length())
                : "jdbc:postgresql://127.0.0.1:" + postgresPort + "/gremium";
        return RecordRows.of(TestStore.realPostgres()
                ? new DriverManagerDataSource(url, System.getenv("POSTGRES_USER"), System.getenv("POSTGRES_PASSWORD"))
                : new DriverManagerDataSource(url, "postgres", embeddedPassword()));
    }

    /** The password the embedded PostgreSQL keeps in the data folder (RunningSystem.storeArgs: data dir "store"). */
    private String embeddedPassword() {
        return de.gremium.embedded.EmbeddedPostgresServer.password(dataDir.resolve("store").resolve("postgres"));
    }

    private Set<String> aggregatesWith(String payloadType) {
        return new HashSet<>(record().jdbc().queryForList(
                "SELECT aggregate_identifier FROM domain_event_entry WHERE payload_type = ?", String.class, payloadType));
    }

    /** (2) each report stored exactly once, (3) every aggregate's sequence numbers 0..n-1. */
    private void assertTheStoreHoldsEachReportOnceWithoutGaps(Set<String> ids, Set<String> acknowledged) {
        Map<String, Integer> submitted = new HashMap<>();
        Map<String, Integer> acknowledgements = new HashMap<>();
        Map<String, List<Long>> sequences = new HashMap<>();
        for (RecordRows.Row event : record().all()) {
            String aggregate = event.aggregateId();
            sequences.computeIfAbsent(aggregate, a -> new ArrayList<>()).add(event.sequenceNumber());
            if (SUBMITTED.equals(event.payloadType())) {
                submitted.merge(aggregate, 1, Integer::sum);
            } else if (ACKNOWLEDGED.equals(event.payloadType())) {
                acknowledgements.merge(aggregate, 1, Integer::sum);
            }
        }
        assertThat(submitted.values().stream().mapToInt(Integer::intValue).sum()).as("ProblemReportSubmitted events")
                .isEqualTo(REPORTS);
        assertThat(submitted.keySet()).as("reports in the store").isEqualTo(ids);
        assertThat(submitted).as("ProblemReportSubmitted per report").allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        assertThat(acknowledgements.keySet()).as("acknowledged reports in the store").isEqualTo(acknowledged);
        assertThat(acknowledgements).as("ProblemReportAcknowledged per report")
                .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        Map<String, List<Long>> gaps = new TreeMap<>();
        sequences.forEach((aggregate, numbers) -> {
            List<Long> sorted = numbers.stream().sorted().toList();
            for (int n = 0; n < sorted.size(); n++) {
                if (sorted.get(n) != n) {
                    gaps.put(aggregate, sorted);
                    break;
                }
            }
        });
        assertThat(gaps).as("aggregates whose sequence numbers are not 0..n-1").isEmpty();
        for (String id : ids) {
            assertThat(sequences.get(id)).as("events of %s", id).hasSize(acknowledged.contains(id) ? 2 : 1);
        }
    }

    /** (4) the problem board shows exactly the stored reports, acknowledged ones as such. */
    private void assertTheViewsConverge(Set<String> ids, Set<String> acknowledged) {
        Http query = Http.on(queryPort);
        await("problem board").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(total(query, "")).isEqualTo(REPORTS);
            assertThat(total(query, "&status=ACKNOWLEDGED")).isEqualTo(acknowledged.size());
        });
        Map<String, JsonNode> board = new HashMap<>();
        for (int page = 1; page <= REPORTS / 100; page++) {
            query.as("leser").get("/api/problem-reports?size=100&page=" + page).json().get("data")
                    .forEach(report -> board.put(report.get("id").asText(), report));
        }
        assertThat(board.keySet()).as("reports on the problem board").isEqualTo(ids);
        assertThat(board.values()).allSatisfy(report -> {
            boolean wasAcknowledged = acknowledged.contains(report.get("id").asText());
            assertThat(report.get("status").asText()).isEqualTo(wasAcknowledged ? "ACKNOWLEDGED" : "SUBMITTED");
            assertThat(report.get("version").asLong()).isEqualTo(wasAcknowledged ? 1 : 0);
        });
    }

    private static long total(Http query, String filter) {
        return query.as("leser").get("/api/problem-reports?size=1" + filter).json().get("pagination").get("totalElements")
                .asLong();
    }

    /**
     * (6) after the kills, every view equals what a rebuild from the record gives: a query side of the test's own
     * builds every view anew in a database of its own, from the same record, and both must agree document by
     * document once both have caught up.
     */
    private void assertEveryViewEqualsARebuildFromTheRecord() {
        String viewsUri = TestStore.realMongo() ? System.getenv("MONGODB_URI") : "mongodb://127.0.0.1:" + viewsPort;
        String appViews = storeArgs.stream().filter(a -> a.startsWith("--gremium.mongodb.database=")).findFirst()
                .map(a -> a.substring("--gremium.mongodb.database=".length())).orElse("gremium");
        List<String> rebuildArgs = new ArrayList<>(TestStore.common());
        rebuildArgs.addAll(storeArgs.stream().filter(a -> a.startsWith("--spring.datasource.")).toList());
        if (!TestStore.realPostgres()) {
            rebuildArgs.addAll(List.of("--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgresPort + "/gremium",
                    "--spring.datasource.username=postgres", "--spring.datasource.password=" + embeddedPassword()));
        }
        rebuildArgs.addAll(List.of("--gremium.mongodb.uri=" + viewsUri, "--gremium.mongodb.database=rebuilt_" + run()));
        try (ConfigurableApplicationContext rebuilt = QuerySideApplication.start(rebuildArgs.toArray(String[]::new));
                MongoClient mongo = MongoClients.create(viewsUri)) {
            await("views equal to a rebuild").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(ViewSnapshot.of(mongo.getDatabase(appViews)))
                            .isEqualTo(ViewSnapshot.of(mongo.getDatabase("rebuilt_" + run()))));
            System.out.printf("CrashUnderLoadTest: views after the kills equal a rebuild from the record (%d views)%n",
                    ViewSnapshot.of(mongo.getDatabase(appViews)).size());
        }
    }

    private String run() {
        return Integer.toHexString(System.identityHashCode(this));
    }
}
