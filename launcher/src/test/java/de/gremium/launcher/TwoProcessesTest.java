package de.gremium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.gremium.command.CommandSideApplication;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.QuerySideApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Command side and query side as two operating-system processes against one store: the command side
 * hosts the embedded server, the query side connects to it like to any MongoDB. Nothing but the
 * event store connects them.
 */
class TwoProcessesTest {

    @TempDir
    Path dataDir;

    @Test
    void aReportSubmittedToTheCommandProcessAppearsInTheQueryProcess() throws Exception {
        int storePort = TestStore.freePort();
        int commandPort = TestStore.freePort();
        int queryPort = TestStore.freePort();
        String database = TestStore.realMongo() ? TestStore.uniqueDatabase() : "gremium";

        List<String> commandArgs = new ArrayList<>(TestStore.onDisk(dataDir, storePort, database));
        commandArgs.add("--COMMAND_SIDE_PORT=" + commandPort);
        List<String> queryArgs = new ArrayList<>(TestStore.onDisk(dataDir.resolve("unused"), storePort, database));
        queryArgs.add("--QUERY_SIDE_PORT=" + queryPort);
        if (!TestStore.realMongo()) {
            queryArgs.add("--gremium.mongodb.uri=mongodb://127.0.0.1:" + storePort);
        }

        try (JavaProcess command = JavaProcess.start(CommandSideApplication.class, dataDir.resolve("command.log"), commandArgs)) {
            command.awaitHealthy(commandPort);
            try (JavaProcess query = JavaProcess.start(QuerySideApplication.class, dataDir.resolve("query.log"), queryArgs)) {
                query.awaitHealthy(queryPort);

                Http.Response created = Http.on(commandPort).as("anna.amt50").post("/api/problem-reports", Map.of(
                        "title", "Zwei Prozesse", "description", "d", "unit", "Amt 50", "policyFields", List.of("LANGUAGE")));
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                String id = created.json().get("id").asText();
                Http.on(commandPort).as("koordinator").post("/api/problem-reports/" + id + "/acknowledgement", "{}");

                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    Http.Response view = Http.on(queryPort).as("leser").get("/api/problem-reports/" + id);
                    assertThat(view.status()).isEqualTo(200);
                    assertThat(view.json().get("status").asText()).isEqualTo("ACKNOWLEDGED");
                });
                assertThat(query.output()).doesNotContain("ERROR");
            }
        }
    }
}
