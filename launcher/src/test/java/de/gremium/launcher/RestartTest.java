package de.gremium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.RecordRows;
import de.gremium.platform.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the stores keep across a restart, and across a SIGKILL of the process that acknowledged commands. */
class RestartTest {

    @TempDir
    Path dataDir;

    static Map<String, Object> report(String title) {
        return Map.of("title", title, "description", "d", "unit", "Amt 50", "policyFields", List.of("LANGUAGE"));
    }

    @Test
    void eventsAndTheProblemBoardSurviveARestartAndProjectionResumesWhereItStopped() {
        RunningSystem before = RunningSystem.start(dataDir);
        String first = before.command.as("anna.amt50").post("/api/problem-reports", report("Vor dem Neustart")).json().get("id").asText();
        before.command.as("koordinator").post("/api/problem-reports/" + first + "/acknowledgement", "{}");
        await().atMost(Duration.ofSeconds(5)).until(() -> "ACKNOWLEDGED".equals(
                before.query.as("leser").get("/api/problem-reports/" + first).json().path("status").asText()));

        RunningSystem system = before.restart();
        try {
            JsonNode afterRestart = system.query.as("leser").get("/api/problem-reports/" + first).json();
            assertThat(afterRestart.get("status").asText()).isEqualTo("ACKNOWLEDGED");
            assertThat(afterRestart.get("version").asLong()).isEqualTo(1);
            assertThat(system.eventsOf(first)).hasSize(2);

            String second = system.command.as("anna.amt50").post("/api/problem-reports", report("Nach dem Neustart")).json().get("id").asText();
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    system.query.as("leser").get("/api/problem-reports/" + second).status() == 200);
            assertThat(system.query.as("leser").get("/api/problem-reports?unit=Amt%2050").json()
                    .get("pagination").get("totalElements").asLong()).isEqualTo(2);
            // the command side still knows the old report: acknowledging it again is refused by its state
            assertThat(system.command.as("koordinator").post("/api/problem-reports/" + first + "/acknowledgement", "{}")
                    .status()).isEqualTo(409);
        } finally {
            system.close();
        }
    }

    @Test
    void everyAcknowledgedCommandSurvivesASigkillOfTheWholeSystemAndNoServerIsLeftRunning() throws Exception {
        int postgresPort = TestStore.freePort();
        int viewsPort = TestStore.freePort();
        int commandPort = TestStore.freePort();
        int queryPort = TestStore.freePort();
        List<String> storeArgs = RunningSystem.storeArgs(dataDir, postgresPort, viewsPort);
        List<String> args = new ArrayList<>(storeArgs);
        args.add("--COMMAND_SIDE_PORT=" + commandPort);
        args.add("--QUERY_SIDE_PORT=" + queryPort);
        int intranetPort = TestStore.freePort(); // not 8082: another run may hold it
        args.add("--gremium.intranet-port=" + intranetPort);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        int killAfter = ThreadLocalRandom.current().nextInt(10, 40);

        try (JavaProcess launcher = JavaProcess.start(GremiumLauncher.class, dataDir.resolve("launcher.log"), args)) {
            launcher.awaitHealthy(commandPort);
            // the run command's one line for people: where the intranet answers
            await().atMost(Duration.ofSeconds(90)).until(() -> launcher.output()
                    .contains("Intranet: http://localhost:" + intranetPort + "/"));
            Http http = Http.on(commandPort);
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int client = c;
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < 500 && !stop.get(); i++) {
                        try {
                            Http.Response response = http.as("anna.amt50").post("/api/problem-reports", report("Last " + client + "-" + i));
                            if (response.status() == 201) {
                                acknowledged.add(response.json().get("id").asText());
                            }
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
                thread.start();
                clients.add(thread);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= killAfter);
            launcher.kill();
            stop.set(true);
            for (Thread thread : clients) {
                thread.join(10_000);
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(killAfter);
        Optional<ProcessHandle> orphan = postmaster(dataDir);
        if (!TestStore.realPostgres()) {
            assertThat(orphan).as("the killed JVM's PostgreSQL, still running").isPresent();
        }

        try (RunningSystem restarted = RunningSystem.on(dataDir, postgresPort, viewsPort, storeArgs)) {
            orphan.ifPresent(o -> assertThat(o.isAlive()).as("the orphan after the restart").isFalse());
            Set<String> stored = restarted.record().all().stream()
                    .filter(row -> row.payloadType().equals("de.gremium.events.problem.ProblemReportSubmitted"))
                    .map(RecordRows.Row::aggregateId).collect(Collectors.toSet());
            assertThat(stored).containsAll(acknowledged);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(restarted.query.as("leser")
                    .get("/api/problem-reports?size=1").json().get("pagination").get("totalElements").asLong())
                    .isEqualTo(stored.size()));
        }
        assertThat(postmaster(dataDir)).as("a PostgreSQL left running after the stop").isEmpty();
    }

    /** The embedded PostgreSQL running on the data folder, from its pid file. */
    static Optional<ProcessHandle> postmaster(Path dataDir) throws Exception {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim())).filter(ProcessHandle::isAlive);
    }
}
