package de.gremium.query.me;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.gremium.events.PolicyField;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.RunningQuerySide;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a page needs to show a person their own things, through the API of a query side started on its own with the
 * demo users (HTTP Basic): who the caller is, and the board filtered to the reports they submitted.
 */
class MeApiTest {

    private static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");

    private static RunningQuerySide side;
    private static Http http;

    @BeforeAll
    static void start() {
        side = RunningQuerySide.start(TestStore.newRecord());
        http = Http.on(Ports.of(side.context()));
        submit("r-anna-1", "anna.amt50", "Amt 50", PolicyField.LANGUAGE, 1);
        submit("r-jonas", "jonas.fb32", "FB 32", PolicyField.LANGUAGE, 2);
        submit("r-anna-2", "anna.amt50", "Amt 50", PolicyField.SPORT, 3);
        submit("r-koordinator", "koordinator", "Amt 16", PolicyField.SPORT, 4);
        side.awaitCaughtUp();
    }

    private static void submit(String id, String by, String unit, PolicyField field, int minute) {
        side.eventStore().publish(new GenericDomainEventMessage<>("ProblemReport", id, 0, new ProblemReportSubmitted(
                new ProblemReportId(id), "Titel " + id, "Beschreibung", unit, Set.of(field), by, T0.plusSeconds(60L * minute))));
    }

    @AfterAll
    static void stop() {
        side.close();
    }

    private static List<String> ids(String path) {
        Http.Response response = http.as("leser").get(path);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("data").forEach(row -> ids.add(row.get("id").asText()));
        return ids;
    }

    private static void assertRefused(String path, String parameter) {
        Http.Response response = http.as("anna.amt50").get(path);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().at("/errors/0/field").asText()).as(path).isEqualTo(parameter);
    }

    @Test
    void aMemberLearnsTheirUserIdTheirNameFromTheUsersFileAndTheirRole() {
        Http.Response me = http.as("anna.amt50").get("/api/me");

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("userId").asText()).isEqualTo("anna.amt50");
        assertThat(me.json().get("name").asText()).isEqualTo("Anna Becker (Amt 50)");
        assertThat(me.json().get("roles").toString()).isEqualTo("[\"MEMBER\"]");
    }

    @Test
    void theCoordinatorAndTheMayorsOfficeLearnAllTheirRolesSortedAndTheReaderTheirs() {
        JsonNode coordinator = http.as("koordinator").get("/api/me").json();
        assertThat(coordinator.get("name").asText()).isEqualTo("Koordinator für Integration und Zuwanderung");
        assertThat(coordinator.get("roles").toString()).isEqualTo("[\"COORDINATOR\",\"MEMBER\"]");
        JsonNode mayorsOffice = http.as("buero.ob").get("/api/me").json();
        assertThat(mayorsOffice.get("userId").asText()).isEqualTo("buero.ob");
        assertThat(mayorsOffice.get("roles").toString()).isEqualTo("[\"MAYOR_OFFICE\",\"MEMBER\"]");
        JsonNode reader = http.as("leser").get("/api/me").json();
        assertThat(reader.get("name").asText()).isEqualTo("Intranet-Leser");
        assertThat(reader.get("roles").toString()).isEqualTo("[\"READER\"]");
    }

    @Test
    void nobodyUnsignedOrWithAWrongPasswordIsToldWhoTheyAre() {
        Http.Response anonymous = http.anonymous().get("/api/me");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        String wrongPassword = Base64.getEncoder().encodeToString("anna.amt50:falsch".getBytes(StandardCharsets.UTF_8));
        Http.Response refused = http.anonymous().header("Authorization", "Basic " + wrongPassword).get("/api/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain("Anna Becker");
    }

    @Test
    void fiveWrongPasswordsThrottleTheAccountWith429AndRetryAfterButNotOtherAccounts() {
        String wrongPassword = Base64.getEncoder().encodeToString("jonas.fb32:geraten".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 5; i++) {
            assertThat(http.anonymous().header("Authorization", "Basic " + wrongPassword).get("/api/me").status()).isEqualTo(401);
        }

        // a password not verified recently (one verified recently still goes through: ThrottledSignInTest)
        String anotherGuess = Base64.getEncoder().encodeToString("jonas.fb32:gremium?".getBytes(StandardCharsets.UTF_8));
        Http.Response throttled = http.anonymous().header("Authorization", "Basic " + anotherGuess).get("/api/me");

        assertThat(throttled.status()).as(throttled.toString()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
        assertThat(throttled.json().get("type").asText()).isEqualTo("urn:gremium:problem:too-many-sign-in-failures");
        assertThat(throttled.body()).doesNotContain("Jonas Wolf");
        assertThat(http.as("anna.amt50").get("/api/me").status()).as("another account").isEqualTo(200);
    }

    @Test
    void theApiDocumentDescribesWhoAmI() {
        JsonNode paths = http.anonymous().get("/v3/api-docs").json().get("paths");
        assertThat(paths.at("/~1api~1me/get/summary").asText()).isNotBlank();
        assertThat(paths.at("/~1api~1problem-reports/get/parameters").toString()).contains("submittedBy");
    }

    @Test
    void theBoardFilteredBySubmittedByShowsOnlyThatPersonsReportsNewestFirst() {
        assertThat(ids("/api/problem-reports?submittedBy=anna.amt50")).containsExactly("r-anna-2", "r-anna-1");
        assertThat(ids("/api/problem-reports?submittedBy=jonas.fb32")).containsExactly("r-jonas");
        assertThat(ids("/api/problem-reports?submittedBy=anna")).as("exact, no prefix").isEmpty();
        assertThat(ids("/api/problem-reports")).hasSize(4);
    }

    @Test
    void submittedByCombinesWithTheOtherFiltersAndItsLinksKeepIt() {
        assertThat(ids("/api/problem-reports?submittedBy=anna.amt50&policyField=LANGUAGE")).containsExactly("r-anna-1");
        assertThat(ids("/api/problem-reports?submittedBy=koordinator&unit=Amt%2050")).isEmpty();
        JsonNode first = http.as("leser").get("/api/problem-reports?submittedBy=anna.amt50&size=1").json();
        assertThat(first.at("/pagination/totalElements").asLong()).isEqualTo(2);
        assertThat(first.at("/links/next").asText()).contains("submittedBy=anna.amt50").contains("page=2");
    }

    @Test
    void theBoardKeepsAnIndexForOnePersonsReportsInItsOrder() {
        List<Document> indexes = side.viewDatabase().getCollection("problem_board").listIndexes().into(new ArrayList<>());

        assertThat(indexes).filteredOn(index -> "submitted_by".equals(index.getString("name"))).singleElement()
                .extracting(index -> index.get("key", Document.class).toJson())
                .isEqualTo(new Document("submittedBy", 1).append("submittedAt", -1).append("_id", 1).toJson());
    }

    @Test
    void theBoardsCsvExportIsFilteredBySubmittedByToo() {
        Http.Response csv = http.as("leser").get("/api/problem-reports?submittedBy=anna.amt50&format=csv");

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        List<String> rows = csv.body().lines().skip(1).toList();
        assertThat(rows).hasSize(2).allMatch(row -> row.contains("anna.amt50")).noneMatch(row -> row.contains("jonas.fb32"));
        assertThat(csv.header("X-Total-Count")).isEqualTo("2");
    }

    @Test
    void aBlankSubmittedByIsRefusedNamingItAndSoIsAControlCharacter() {
        assertRefused("/api/problem-reports?submittedBy=", "submittedBy");
        assertRefused("/api/problem-reports?submittedBy=%20%20", "submittedBy");
        assertRefused("/api/problem-reports?submittedBy=anna%01", "submittedBy");
    }
}
