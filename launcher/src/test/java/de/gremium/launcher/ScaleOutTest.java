package de.gremium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.gremium.command.CommandSideApplication;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.RecordRows;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.QuerySideApplication;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out on one machine: two command-side and two query-side processes on one PostgreSQL and one view store,
 * as an operator would run them behind a load balancer. 1,000 reports are submitted alternately to both command
 * sides, each with its own Idempotency-Key and retried with it when an answer is lost; pairs of edits of the same
 * report go to both command sides at once, and the loser of each append race answers 409 and succeeds when sent
 * again. Afterwards: every report and every key stored once, no aggregate with a gap in its sequence, every
 * processor's segment claimed by exactly one live query process, every event applied once per view, both query
 * sides answering the same, and, with one query process killed, the other taking over its segments.
 */
class ScaleOutTest {

    static final int REPORTS = 1_000;
    static final int CLIENTS = 8;
    static final int EDITED_EVERY = 10;
    static final String SUBMITTED = "de.gremium.events.problem.ProblemReportSubmitted";
    static final String DETAILS = "de.gremium.events.problem.ProblemReportDetailsAdded";

    @TempDir
    Path dataDir;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void twoCommandSidesAndTwoQuerySidesShareTheRecordAndTheViewsWithoutLosingOrDoublingAnything() throws Exception {
        try (StandaloneStores stores = StandaloneStores.start(dataDir.resolve("stores"))) {
            int[] commandPorts = {TestStore.freePort(), TestStore.freePort()};
            int[] queryPorts = {TestStore.freePort(), TestStore.freePort()};
            List<JavaProcess> processes = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    processes.add(JavaProcess.start(CommandSideApplication.class, dataDir.resolve("command-" + i + ".log"),
                            args(stores, "--COMMAND_SIDE_PORT=" + commandPorts[i])));
                }
                for (int i = 0; i < 2; i++) {
                    processes.add(JavaProcess.start(QuerySideApplication.class, dataDir.resolve("query-" + i + ".log"),
                            args(stores, "--QUERY_SIDE_PORT=" + queryPorts[i], "--gremium.record.claim-timeout=3s")));
                }
                for (int i = 0; i < 2; i++) {
                    processes.get(i).awaitHealthy(commandPorts[i]);
                    processes.get(2 + i).awaitHealthy(queryPorts[i]);
                }
                Load load = new Load(commandPorts);
                load.run();

                assertThat(load.unexpected).as("answers other than 201, 204 and 409").isEmpty();
                RecordRows record = stores.record();
                List<RecordRows.Row> rows = record.all();
                Map<String, List<RecordRows.Row>> byAggregate = rows.stream()
                        .collect(Collectors.groupingBy(RecordRows.Row::aggregateId, TreeMap::new, Collectors.toList()));
                assertThat(rows).filteredOn(r -> r.payloadType().equals(SUBMITTED)).hasSize(REPORTS);
                assertThat(load.ids).hasSize(REPORTS);
                assertThat(record.jdbc().queryForObject("SELECT count(*) FROM idempotency_record", Long.class))
                        .as("idempotency records").isEqualTo(REPORTS);
                byAggregate.forEach((aggregate, events) -> {
                    for (int seq = 0; seq < events.size(); seq++) {
                        assertThat(events.get(seq).sequenceNumber()).as("sequence of " + aggregate).isEqualTo(seq);
                    }
                });
                long details = rows.stream().filter(r -> r.payloadType().equals(DETAILS)).count();
                assertThat(details).as("every edit applied exactly once").isEqualTo(load.editsApplied.get());
                System.out.printf("ScaleOutTest: %d reports, %d edits (%d conflicts answered 409, then sent again), "
                        + "%d answers lost and retried with the same key%n", REPORTS, load.editsApplied.get(),
                        load.conflicts.get(), load.retried.get());

                // every event in every view once, and both query sides agree
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    for (String id : load.sample()) {
                        List<RecordRows.Row> events = byAggregate.get(id);
                        JsonNode first = Http.on(queryPorts[0]).as("leser").get("/api/problem-reports/" + id).json();
                        JsonNode second = Http.on(queryPorts[1]).as("leser").get("/api/problem-reports/" + id).json();
                        assertThat(first.path("version").asLong()).as(id).isEqualTo(events.size() - 1);
                        assertThat(first.path("details")).as(id).hasSize(events.size() - 1);
                        assertThat(second).as("both query sides answer the same").isEqualTo(first);
                    }
                });
                assertThat(stores.views().getCollection("problem_board").countDocuments()).isEqualTo(REPORTS);

                // every view processor's one segment is claimed by exactly one of the two query processes, the notifier's
                // (the command side's one tracking processor) by one of the two command processes
                Map<String, String> owners = owners(record);
                Set<String> queryNodes = Set.of(node(processes.get(2)), node(processes.get(3)));
                Set<String> commandNodes = Set.of(node(processes.get(0)), node(processes.get(1)));
                assertThat(owners).containsKey(NOTIFIER);
                assertThat(commandNodes).contains(owners.remove(NOTIFIER));
                assertThat(owners).isNotEmpty().allSatisfy((processor, owner) -> assertThat(queryNodes).contains(owner));
                System.out.println("ScaleOutTest: segments by query process: " + owners);

                // one query process dies: the other claims its segments and keeps every view going
                JavaProcess killed = processes.get(2);
                killed.kill();
                String survivor = node(processes.get(3));
                String late = Http.on(commandPorts[0]).as("anna.amt50").post("/api/problem-reports", report(-1)).json()
                        .get("id").asText();
                await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
                    Map<String, String> views = owners(record);
                    views.remove(NOTIFIER);
                    assertThat(views).allSatisfy((processor, owner) -> assertThat(owner).isEqualTo(survivor));
                    assertThat(Http.on(queryPorts[1]).as("leser").get("/api/problem-reports/" + late).status()).isEqualTo(200);
                });
                for (int i = 0; i < processes.size(); i++) {
                    if (i != 2) {
                        assertThat(processes.get(i).output()).as("log of process " + i).doesNotContain(" ERROR ");
                    }
                }
            } finally {
                processes.forEach(JavaProcess::close);
            }
        }
    }

    static List<String> args(StandaloneStores stores, String... more) {
        List<String> args = new ArrayList<>(stores.args());
        args.addAll(TestStore.common());
        args.addAll(List.of(more));
        return args;
    }

    /** Axon's default node id of a token claim: the JVM's {@code pid@host}. */
    static String node(JavaProcess process) {
        return process.process.pid() + "@";
    }

    /** Processor name to the node id that holds its segment 0, shortened to {@code pid@}. */
    /** The command side's notifier: its token is in the record beside the views' (docs/notifications.md). */
    static final String NOTIFIER = "notifications";

    static Map<String, String> owners(RecordRows record) {
        Map<String, String> owners = new TreeMap<>();
        record.jdbc().query("SELECT processor_name, owner FROM token_entry WHERE segment = 0", row -> {
            String owner = row.getString(2);
            owners.put(row.getString(1), owner == null ? "none" : owner.substring(0, owner.indexOf('@') + 1));
        });
        return owners;
    }

    static Map<String, Object> report(int n) {
        return Map.of("title", "Skaliert " + n, "description", "zwei Prozesse je Seite", "unit", "Amt 50",
                "policyFields", List.of("LANGUAGE"));
    }

    /** The clients: reports alternately to both command sides, and concurrent edits through both. */
    static final class Load {
        final int[] commandPorts;
        final Set<String> ids = ConcurrentHashMap.newKeySet();
        final List<String> edited = new java.util.concurrent.CopyOnWriteArrayList<>();
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger editsApplied = new AtomicInteger();
        final AtomicInteger conflicts = new AtomicInteger();
        final AtomicInteger retried = new AtomicInteger();
        final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

        Load(int[] commandPorts) {
            this.commandPorts = commandPorts;
        }

        void run() throws Exception {
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    running.add(clients.submit(this::client));
                }
                for (Future<?> client : running) {
                    client.get(4, TimeUnit.MINUTES);
                }
            } finally {
                clients.shutdownNow();
            }
        }

        private void client() {
            for (int n = next.getAndIncrement(); n < REPORTS; n = next.getAndIncrement()) {
                String id = submit(n);
                if (id != null && n % EDITED_EVERY == 0) {
                    editThroughBoth(id, n);
                    edited.add(id);
                }
            }
        }

        private String submit(int n) {
            for (int attempt = 0; attempt < 10; attempt++) {
                try {
                    Http.Response answer = Http.on(commandPorts[n % 2]).as(author(n))
                            .header("Idempotency-Key", "scale-" + n).post("/api/problem-reports", report(n));
                    if (answer.status() == 201) {
                        ids.add(answer.json().get("id").asText());
                        return answer.json().get("id").asText();
                    }
                    if (answer.status() != 503) {
                        unexpected.add("report " + n + ": " + answer);
                        return null;
                    }
                } catch (UncheckedIOException lost) {
                    // the answer is lost: send the same request with the same key again
                }
                retried.incrementAndGet();
            }
            unexpected.add("report " + n + " never answered 201");
            return null;
        }

        /** Two edits of one report at once, one through each command side; a 409 is sent again until it lands. */
        private void editThroughBoth(String id, int n) {
            Thread other = new Thread(() -> edit(id, author(n), commandPorts[1], "über Seite B " + n));
            other.start();
            edit(id, author(n), commandPorts[0], "über Seite A " + n);
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void edit(String id, String author, int port, String details) {
            for (int attempt = 0; attempt < 20; attempt++) {
                Http.Response answer = Http.on(port).as(author).post("/api/problem-reports/" + id + "/details",
                        Map.of("details", details));
                if (answer.status() == 204) {
                    editsApplied.incrementAndGet();
                    return;
                }
                if (answer.status() == 409) {
                    conflicts.incrementAndGet();
                    continue;
                }
                unexpected.add("edit of " + id + ": " + answer);
                return;
            }
            unexpected.add("edit of " + id + " still in conflict after 20 attempts");
        }

        /** Reports are submitted by two members; only its author may add details to one. */
        static String author(int n) {
            return n % 3 == 0 ? "jonas.fb32" : "anna.amt50";
        }

        /** The edited reports and some others, enough to see every kind of aggregate history. */
        List<String> sample() {
            List<String> sample = new ArrayList<>(edited);
            ids.stream().limit(100).forEach(sample::add);
            return sample;
        }
    }
}
