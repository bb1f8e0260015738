package de.gremium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.RecordRows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fifty parallel modifications of one report: no sequence gap, no lost update, stale versions refused. */
class ConcurrentEditsTest {

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

    private static String report() {
        return system.command.as("anna.amt50").post("/api/problem-reports", Map.of("title", "Viele Hände", "description", "d",
                "unit", "Amt 50", "policyFields", List.of("LANGUAGE"))).json().get("id").asText();
    }

    @Test
    void fiftyParallelDetailsAreAllStoredInOneGaplessSequenceAndAllShowInTheView() throws Exception {
        String id = report();
        List<Integer> statuses = run(50, i -> system.command.as("anna.amt50")
                .post("/api/problem-reports/" + id + "/details", Map.of("details", "Ergänzung " + i)).status());
        assertThat(statuses).containsOnly(204);

        List<RecordRows.Row> events = system.eventsOf(id);
        assertThat(events).hasSize(51);
        for (int seq = 0; seq < events.size(); seq++) {
            assertThat(events.get(seq).sequenceNumber()).isEqualTo(seq);
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var view = system.query.as("leser").get("/api/problem-reports/" + id).json();
            assertThat(view.get("details")).hasSize(50);
            assertThat(view.get("version").asLong()).isEqualTo(50);
        });
    }

    @Test
    void fiftyParallelEditsAgainstTheSameVersionLetExactlyOneWinAndRefuseTheRestWith409() throws Exception {
        String id = report();
        List<Integer> statuses = run(50, i -> system.command.as("anna.amt50").header("If-Match", "\"0\"")
                .post("/api/problem-reports/" + id + "/details", Map.of("details", "Version 0, Versuch " + i)).status());
        assertThat(statuses).filteredOn(s -> s == 204).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(49);
        assertThat(system.eventsOf(id)).hasSize(2);
    }

    private static List<Integer> run(int parallel, java.util.function.IntFunction<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                int n = i;
                futures.add(pool.submit(() -> call.apply(n)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
