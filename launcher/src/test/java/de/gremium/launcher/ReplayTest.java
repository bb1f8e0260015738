package de.gremium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.gremium.platform.testing.Http;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resetting every projection rebuilds exactly the view the live projection had built. */
class ReplayTest {

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

    @Test
    void resettingEachProjectionRebuildsTheSameViews() {
        Http.Call anna = system.command.as("anna.amt50");
        Http.Call coordinator = system.command.as("koordinator");
        for (int i = 0; i < 5; i++) {
            String report = anna.post("/api/problem-reports", Map.of("title", "Meldung " + i, "description", "d",
                    "unit", "Amt 50", "policyFields", List.of("LANGUAGE"))).json().get("id").asText();
            coordinator.post("/api/problem-reports/" + report + "/acknowledgement", Map.of("note", "n" + i));
            anna.post("/api/problem-reports/" + report + "/details", Map.of("details", "mehr " + i));
        }
        String idea = coordinator.post("/api/project-ideas", Map.of("title", "Idee", "description", "d",
                "policyFields", List.of("CULTURE"))).json().get("id").asText();
        String meeting = coordinator.post("/api/meetings", Map.of("year", 2027, "quarter", 2, "kind", "REGULAR",
                "title", "Sitzung Q2/2027", "durationMinutes", 45)).json().get("id").asText();
        coordinator.post("/api/meetings/" + meeting + "/agenda-items", Map.of("topic",
                Map.of("kind", "PROJECT_IDEA", "referenceId", idea, "title", "Idee")));
        coordinator.post("/api/meetings/" + meeting + "/schedule", Map.of("start", "2027-04-14T13:00:00+02:00"));
        coordinator.post("/api/network-projects", Map.of("workingGroup", "WORK_TRAINING", "title", "Ausbildungslotsen",
                "description", "d", "policyFields", List.of("EMPLOYMENT"), "status", "RUNNING"));

        long events = system.record().count();
        Map<String, List<Document>> live = awaitSettledViews();
        assertThat(live).containsKeys("problem_board");
        assertThat(live.values().stream().mapToInt(List::size).sum()).isGreaterThan(10);

        // a stray document in every view: only a real reset and rebuild makes the views equal again
        live.keySet().forEach(name -> system.view(name).insertOne(new Document("_id", "not-from-any-event")));

        EventProcessingConfiguration processing = system.running.querySide().getBean(EventProcessingConfiguration.class);
        List<String> replayed = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && streaming.supportsReset() && !name.equals("audit-log")) {
                streaming.shutDown();
                streaming.resetTokens();
                streaming.start();
                replayed.add(name);
            }
        });
        assertThat(replayed).contains("problem-board", "work-plan", "recommendation-trace");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(views()).isEqualTo(live));
        assertThat(system.record().count()).isEqualTo(events);
    }

    /** The views once two reads a moment apart agree (the projections have caught up). */
    private static Map<String, List<Document>> awaitSettledViews() {
        List<Map<String, List<Document>>> last = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<String, List<Document>> now = views();
            boolean settled = !last.isEmpty() && last.get(0).equals(now);
            last.clear();
            last.add(now);
            return settled;
        });
        return last.get(0);
    }

    private static Map<String, List<Document>> views() {
        return ViewSnapshot.of(system.views());
    }
}
