package de.gremium.command.network;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.command.CommandSideApplication;
import de.gremium.events.PolicyField;
import de.gremium.events.network.NetworkProjectAnnounced;
import de.gremium.events.network.NetworkProjectStatus;
import de.gremium.events.network.NetworkProjectUpdated;
import de.gremium.events.network.NetworkWorkingGroup;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The command side alone, as the coordinator and the others reach the network-project endpoints. */
class NetworkProjectApiTest {

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

    static Map<String, Object> project() {
        Map<String, Object> body = new HashMap<>();
        body.put("workingGroup", "LANGUAGE");
        body.put("title", "Sprachcafé");
        body.put("description", "Offenes Sprachcafé im Stadtteil Neue Neustadt");
        body.put("policyFields", List.of("LANGUAGE", "NEIGHBOURHOODS"));
        body.put("status", "PLANNED");
        body.put("startDate", "2027-03-01");
        body.put("endDate", "2027-12-31");
        body.put("contact", "Frau Schulz, Tel. 540-0");
        return body;
    }

    /** An update names the project as it stands now, without the working group (which never changes). */
    static Map<String, Object> projectNow() {
        Map<String, Object> body = project();
        body.remove("workingGroup");
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    static String announced() {
        Http.Response created = http.as("koordinator").post("/api/network-projects", project());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    static List<Object> events(String projectId) {
        return app.getBean(EventStore.class).readEvents(projectId).asStream().map(DomainEventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    @Test
    void theCoordinatorAnnouncesAProjectAndIsToldWhereToReadIt() {
        Http.Response created = http.as("koordinator").post("/api/network-projects", project());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).endsWith("/api/network-projects/" + id);
        assertThat(events(id)).singleElement().isInstanceOfSatisfying(NetworkProjectAnnounced.class, e -> {
            assertThat(e.workingGroup()).isEqualTo(NetworkWorkingGroup.LANGUAGE);
            assertThat(e.policyFields()).containsExactly(PolicyField.LANGUAGE, PolicyField.NEIGHBOURHOODS);
            assertThat(e.startDate()).isEqualTo(LocalDate.parse("2027-03-01"));
            assertThat(e.announcedBy()).isEqualTo("koordinator");
        });
    }

    @Test
    void theCoordinatorUpdatesCompletesAndThenCannotChangeTheProject() {
        String id = announced();

        Http.Response updated = http.as("koordinator").post("/api/network-projects/" + id + "/update",
                with(with(projectNow(), "status", "RUNNING"), "contact", "Herr Weber"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(204);
        Http.Response completed = http.as("koordinator").post("/api/network-projects/" + id + "/completion",
                Map.of("summary", "42 Teilnehmende in zehn Monaten", "completedOn", "2027-12-20"));
        assertThat(completed.status()).as(completed.toString()).isEqualTo(204);

        Http.Response again = http.as("koordinator").post("/api/network-projects/" + id + "/completion",
                Map.of("summary", "noch einmal", "completedOn", "2027-12-21"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(http.as("koordinator").post("/api/network-projects/" + id + "/dropping", Map.of("reason", "doch nicht"))
                .status()).isEqualTo(409);
        assertThat(http.as("koordinator").post("/api/network-projects/" + id + "/update", projectNow()).status()).isEqualTo(409);
        assertThat(events(id)).hasSize(3).element(1).isInstanceOfSatisfying(NetworkProjectUpdated.class,
                e -> assertThat(e.status()).isEqualTo(NetworkProjectStatus.RUNNING));
    }

    @Test
    void theCoordinatorDropsAProjectOnce() {
        String id = announced();

        assertThat(http.as("koordinator").post("/api/network-projects/" + id + "/dropping", Map.of("reason", "keine Räume"))
                .status()).isEqualTo(204);
        assertThat(http.as("koordinator").post("/api/network-projects/" + id + "/dropping", Map.of("reason", "keine Räume"))
                .status()).isEqualTo(409);
    }

    @Test
    void membersReadersAndTheMayorsOfficeMayNotRecordProjects() {
        String id = announced();
        for (String user : List.of("anna.amt50", "buero.ob", "leser")) {
            assertThat(http.as(user).post("/api/network-projects", project()).status()).as(user).isEqualTo(403);
            assertThat(http.as(user).post("/api/network-projects/" + id + "/update", projectNow()).status()).as(user).isEqualTo(403);
            assertThat(http.as(user).post("/api/network-projects/" + id + "/completion",
                    Map.of("summary", "fertig", "completedOn", "2027-12-20")).status()).as(user).isEqualTo(403);
            assertThat(http.as(user).post("/api/network-projects/" + id + "/dropping", Map.of("reason", "x")).status())
                    .as(user).isEqualTo(403);
        }
        assertThat(http.anonymous().post("/api/network-projects", project()).status()).isEqualTo(401);
        assertThat(events(id)).hasSize(1);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndWhy() {
        Http.Response noTitle = http.as("koordinator").post("/api/network-projects", with(project(), "title", " "));
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.header("Content-Type")).startsWith("application/problem+json");
        assertThat(noTitle.json().at("/errors/0/field").asText()).isEqualTo("title");

        Http.Response noField = http.as("koordinator").post("/api/network-projects", with(project(), "policyFields", List.of()));
        assertThat(noField.status()).isEqualTo(400);
        assertThat(noField.json().at("/errors/0/field").asText()).isEqualTo("policyFields");

        Http.Response completedAtOnce = http.as("koordinator").post("/api/network-projects",
                with(project(), "status", "COMPLETED"));
        assertThat(completedAtOnce.status()).isEqualTo(400);
        assertThat(completedAtOnce.json().at("/errors/0/field").asText()).isEqualTo("status");

        Http.Response endsBeforeStart = http.as("koordinator").post("/api/network-projects",
                with(project(), "endDate", "2027-02-28"));
        assertThat(endsBeforeStart.status()).isEqualTo(400);
        assertThat(endsBeforeStart.json().at("/errors/0/field").asText()).isEqualTo("endDate");

        Http.Response unknownGroup = http.as("koordinator").post("/api/network-projects",
                with(project(), "workingGroup", "AG_SPORT"));
        assertThat(unknownGroup.status()).isEqualTo(400);

        Http.Response noReason = http.as("koordinator").post("/api/network-projects/" + announced() + "/dropping", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().at("/errors/0/field").asText()).isEqualTo("reason");
    }

    @Test
    void anUnknownProjectIsNotFound() {
        assertThat(http.as("koordinator").post("/api/network-projects/unbekannt/dropping", Map.of("reason", "x")).status())
                .isEqualTo(404);
    }

    @Test
    void anIdempotencyKeyMakesARetryAnswerTheSameProject() {
        Http.Response first = http.as("koordinator").header("Idempotency-Key", "np-retry-1").post("/api/network-projects", project());
        Http.Response retry = http.as("koordinator").header("Idempotency-Key", "np-retry-1").post("/api/network-projects", project());

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(events(first.json().get("id").asText())).hasSize(1);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    }
}
