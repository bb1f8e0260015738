package de.gremium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.gremium.platform.testing.Http;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Erasure by crypto-shredding through the whole system (issue 15, item 15): a person is appointed under a distinctive
 * name, writes a report, withdraws and is erased; afterwards nothing they wrote is found in PostgreSQL (every table's
 * rows) nor in the log, and the audit's hash chain still verifies.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErasureEndToEndTest {

    static final String PERSON = "jonas.fb32";
    static final String NAME = "Quirin Zwetschgenbaum";
    static final String TITLE = "Xylophonwerkstatt im Nordfluegel";
    static final String DETAILS = "Pfefferminzlikoer im Wartebereich";
    static final List<String> WRITTEN_BY_THEM = List.of(NAME, TITLE, DETAILS);

    @TempDir
    static Path dataDir;
    static RunningSystem system;
    static String report;

    @BeforeAll
    static void start() {
        system = RunningSystem.start(dataDir);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    @Order(1)
    void anErasedPersonsNameAndTextAreNowhereInTheRecordNorInTheLogAndTheHashChainStillVerifies(CapturedOutput output) {
        Http.Call coordinator = system.command.as("koordinator");
        assertThat(coordinator.post("/api/group/members/" + PERSON + "/withdrawal", Map.of()).status()).isEqualTo(204);
        assertThat(coordinator.post("/api/group/members", Map.of("memberId", PERSON, "name", NAME, "unit", "FB 32")).status())
                .isEqualTo(201);
        Http.Response created = system.command.as(PERSON).post("/api/problem-reports", Map.of("title", TITLE,
                "description", "Beschreibung: " + TITLE, "unit", "FB 32", "policyFields", List.of("LANGUAGE")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        report = created.json().get("id").asText();
        assertThat(system.command.as(PERSON).post("/api/problem-reports/" + report + "/details", Map.of("details", DETAILS))
                .status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                system.query.as("leser").get("/api/problem-reports/" + report).json().path("details").toString()).contains(DETAILS));
        assertThat(system.command.as(PERSON).post("/api/group/members/" + PERSON + "/withdrawal", Map.of()).status()).isEqualTo(204);
        assertThat(recordAsText()).as("a person's data is encrypted from the first event on").doesNotContain(WRITTEN_BY_THEM);

        Http.Response erased = coordinator.post("/api/people/" + PERSON + "/erasure", Map.of());

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        String record = recordAsText();
        assertThat(record).doesNotContain(WRITTEN_BY_THEM).doesNotContain(PERSON);
        assertThat(record).contains("PersonalDataErased", erased.json().get("erasureId").asText());
        assertThat(output.getAll()).as("the log").doesNotContain(WRITTEN_BY_THEM);
        long stored = system.record().count();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode verification = system.query.as("koordinator").get("/api/audit/verification").json();
            assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.path("verified").asLong()).as(verification.toString()).isEqualTo(stored);
        });
    }

    /** The query side rebuilds its views after {@code PersonalDataErased}; the record then reads the placeholders. */
    @Test
    @Order(2)
    void anErasedPersonsNameTextAndUserIdAreNowhereInTheViewsNorInAnExportAndTheChainStillVerifies() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode shown = system.query.as("leser").get("/api/problem-reports/" + report).json();
            assertThat(shown.path("title").asText()).as(shown.toString()).isEqualTo("gelöschter Text");
            assertThat(shown.path("submittedBy").asText()).isEqualTo("gelöschte Person");
        });
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(viewsAsText())
                .doesNotContain(WRITTEN_BY_THEM).doesNotContain(PERSON));

        Http.Response coordinatorsExport = system.query.as("koordinator").get("/api/people/koordinator/export");
        assertThat(coordinatorsExport.status()).isEqualTo(200);
        assertThat(coordinatorsExport.body()).contains("gelöschte Person").doesNotContain(WRITTEN_BY_THEM).doesNotContain(PERSON);
        assertThat(system.query.as("koordinator").get("/api/people/" + PERSON + "/export").status())
                .as("nothing is stored about an erased person any more").isEqualTo(404);
        JsonNode verification = system.query.as("koordinator").get("/api/audit/verification").json();
        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
    }

    /** Every row of every table of the record, bytes read as UTF-8 text. */
    static String recordAsText() {
        StringBuilder text = new StringBuilder();
        DataSource dataSource = system.running.commandSide().getBean(DataSource.class);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet found = statement.executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                while (found.next()) {
                    tables.add(found.getString(1));
                }
            }
            assertThat(tables).contains("domain_event_entry", "personal_data_key", "snapshot_event_entry", "token_entry",
                    "dead_letter_entry", "idempotency_record");
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    while (rows.next()) {
                        text.append(table).append(':');
                        for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                            Object value = rows.getObject(column);
                            text.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value).append('|');
                        }
                        text.append('\n');
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    /** Every document of every collection of the view store, as JSON. */
    static String viewsAsText() {
        StringBuilder text = new StringBuilder();
        for (String collection : system.views().listCollectionNames()) {
            for (Document document : system.view(collection).find()) {
                text.append(collection).append(':').append(document.toJson()).append('\n');
            }
        }
        return text.toString();
    }
}
