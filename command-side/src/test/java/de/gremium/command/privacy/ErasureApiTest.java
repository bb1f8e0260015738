package de.gremium.command.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.command.CommandSideApplication;
import de.gremium.events.privacy.PersonalData;
import de.gremium.events.privacy.PersonalDataErased;
import de.gremium.events.privacy.ProblemReportTextErased;
import de.gremium.events.problem.ProblemReportAcknowledged;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.platform.privacy.PersonalDataKeys;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The erasure endpoints (issue 15, items 15 and 16): who may erase what, and that the record still reads afterwards. */
class ErasureApiTest {

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

    static Map<String, Object> report(String title, String unit) {
        return Map.of("title", title, "description", "Beschreibung: " + title, "unit", unit, "policyFields", List.of("LANGUAGE"));
    }

    static List<? extends DomainEventMessage<?>> events(String aggregateId) {
        return app.getBean(EventStore.class).readEvents(aggregateId).asStream().toList();
    }

    @Test
    void aPersonIsErasedOnlyOnceWithdrawnAndTheirReportStillLoadsWithThePlaceholders() {
        String report = http.as("jonas.fb32").post("/api/problem-reports", report("Quittenbaum am Amt verschwunden", "FB 32"))
                .json().get("id").asText();

        Http.Response whileMember = http.as("koordinator").post("/api/people/jonas.fb32/erasure", Map.of());
        assertThat(whileMember.status()).as(whileMember.toString()).isEqualTo(409);
        assertThat(http.as("koordinator").post("/api/group/members/jonas.fb32/withdrawal", Map.of()).status()).isEqualTo(204);
        assertThat(http.as("anna.amt50").post("/api/people/jonas.fb32/erasure", Map.of()).status()).isEqualTo(403);

        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        jdbc.update("""
                INSERT INTO dead_letter_entry (dead_letter_id, processing_group, sequence_identifier, sequence_index,
                    message_type, event_identifier, time_stamp, payload_type, payload, enqueued_at, cause_message)
                VALUES ('dl-1', 'some-view', 's-1', 0, 'event', 'e-1', '2026-01-01T00:00:00Z', 'x', '\\x00'::bytea,
                    '2026-01-01T00:00:00Z', 'Titel "Quittenbaum am Amt verschwunden" zu lang')""");
        // a guest jonas invited (their name and address are under an item key jonas owns), and one anna invited
        app.getBean(PersonalDataKeys.class).keyFor("jonas.fb32", "guest-of-jonas");
        app.getBean(PersonalDataKeys.class).keyFor("anna.amt50", "guest-of-anna");
        for (String[] row : new String[][] {{"jonas.fb32", "jonas.wolf@magdeburg.example"},
                {"anna.amt50", "anna.becker@magdeburg.example"}, {"guest:guest-of-jonas", "gast.jonas@verein.example"},
                {"guest:guest-of-anna", "gast.anna@verein.example"}}) {
            jdbc.update("""
                    INSERT INTO notification_outbox (dedup_key, kind, recipient_id, recipient_name, recipient_address, delivery,
                        subject, text_body, html_body, status, next_attempt_at, created_at)
                    VALUES (?, 'MINUTES', ?, 'Name', ?, 'IMMEDIATELY', 'Protokoll', 'Text', '<p>Text</p>', 'HELD', now(), now())""",
                    "e-1/MINUTES/" + row[0], row[0], row[1]);
        }
        jdbc.update("""
                INSERT INTO notification_outbox (dedup_key, kind, recipient_id, recipient_name, recipient_address, delivery,
                    subject, text_body, html_body, status, next_attempt_at, created_at)
                VALUES ('e-2/MINUTES/anna.amt50', 'MINUTES', 'anna.amt50', 'Name', 'anna.becker@magdeburg.example',
                    'WEEKLY_DIGEST', 'Protokoll: Jonas Wolf', 'Text', '<p>Text</p>', 'PENDING', now(), now())""");
        Http.Response erased = http.as("koordinator").post("/api/people/jonas.fb32/erasure", Map.of());

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(jdbc.queryForList("SELECT cause_message FROM dead_letter_entry", String.class))
                .as("a dead letter's cause may quote any text: all are cleared").containsExactly("entfernt bei einer Löschung");
        assertThat(jdbc.queryForList("SELECT recipient_address FROM notification_outbox", String.class))
                .as("the e-mails to the erased person and their guests went, others' stay")
                .containsExactlyInAnyOrder("anna.becker@magdeburg.example", "anna.becker@magdeburg.example", "gast.anna@verein.example");
        assertThat(jdbc.queryForList("SELECT subject || '/' || coalesce(text_body, '-') FROM notification_outbox WHERE status = 'HELD'",
                String.class)).as("the letters to others that will never be sent as they are may quote the erased: emptied")
                .containsOnly("entfernt bei einer Löschung/-");
        assertThat(jdbc.queryForObject("SELECT subject || '/' || text_body FROM notification_outbox WHERE status = 'PENDING'",
                String.class)).as("a waiting letter goes out as it was written").isEqualTo("Protokoll: Jonas Wolf/Text");
        String erasureId = erased.json().get("erasureId").asText();
        assertThat(events(erasureId)).singleElement().satisfies(e -> assertThat(e.getPayload()).isInstanceOf(PersonalDataErased.class));
        ProblemReportSubmitted submitted = (ProblemReportSubmitted) events(report).get(0).getPayload();
        assertThat(submitted.submittedBy()).isEqualTo(PersonalData.ERASED_PERSON);
        assertThat(submitted.title()).isEqualTo(PersonalData.ERASED_TEXT);
        assertThat(submitted.unit()).isEqualTo("FB 32");
        assertThat(app.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM snapshot_event_entry", Integer.class)).isZero();
        // the report, the group (with a placeholder among its members) and a second erasure still load and decide
        assertThat(http.as("koordinator").post("/api/problem-reports/" + report + "/acknowledgement", Map.of("note", "gesehen"))
                .status()).isEqualTo(204);
        assertThat(events(report).get(1).getPayload()).isInstanceOf(ProblemReportAcknowledged.class);
        assertThat(http.as("koordinator").post("/api/people/jonas.fb32/erasure", Map.of()).status())
                .as("nothing is stored about them any more").isEqualTo(404);
        assertThat(http.as("koordinator").post("/api/group/members",
                Map.of("memberId", "jonas.fb32", "name", "Jonas Wolf", "unit", "FB 32")).status())
                .as("the group still loads and appoints them again").isEqualTo(201);
        assertThat(http.as("jonas.fb32").post("/api/problem-reports", report("Wieder da", "FB 32")).status()).isEqualTo(201);
    }

    @Test
    void anUnknownPersonIsNotFoundAndABadUserIdIsABadRequest() {
        assertThat(http.as("koordinator").post("/api/people/nie.gesehen/erasure", Map.of()).status()).isEqualTo(404);
        Http.Response bad = http.as("koordinator").post("/api/people/" + "a%20b" + "/erasure", Map.of());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void oneReportsTextIsErasedWithAReasonAndOnlyOnce() {
        String report = http.as("anna.amt50").post("/api/problem-reports", report("Faxgeraet im Buergeramt", "Amt 50"))
                .json().get("id").asText();
        Map<String, String> reason = Map.of("reason", "Antrag der Datenschutzbeauftragten");

        assertThat(http.as("anna.amt50").post("/api/problem-reports/" + report + "/text-erasure", reason).status()).isEqualTo(403);
        assertThat(http.as("koordinator").post("/api/problem-reports/" + report + "/text-erasure", Map.of()).status()).isEqualTo(400);
        assertThat(http.as("koordinator").post("/api/problem-reports/" + UUID.randomUUID() + "/text-erasure", reason).status())
                .isEqualTo(404);

        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        jdbc.update("""
                INSERT INTO notification_outbox (dedup_key, kind, recipient_id, recipient_name, recipient_address, delivery,
                    subject, text_body, html_body, calendar, status, next_attempt_at, created_at)
                VALUES ('e-9/MY_REPORTS/anna.amt50', 'MY_REPORTS', 'anna.amt50', 'Name', 'anna.becker@magdeburg.example',
                    'IMMEDIATELY', 'Ihre Meldung: Faxgeraet im Buergeramt', 'Text', '<p>Text</p>', 'X', 'FAILED', now(), now())""");
        Http.Response erased = http.as("koordinator").post("/api/problem-reports/" + report + "/text-erasure", reason);

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        DomainEventMessage<?> event = events(erased.json().get("erasureId").asText()).get(0);
        assertThat(event.getPayload()).isInstanceOf(ProblemReportTextErased.class);
        assertThat(event.getMetaData()).containsEntry("erasureReason", "Antrag der Datenschutzbeauftragten");
        ProblemReportSubmitted submitted = (ProblemReportSubmitted) events(report).get(0).getPayload();
        assertThat(submitted.title()).isEqualTo(PersonalData.ERASED_TEXT);
        assertThat(submitted.description()).isEqualTo(PersonalData.ERASED_TEXT);
        assertThat(submitted.submittedBy()).as("the author is not erased with the text").isEqualTo("anna.amt50");
        assertThat(jdbc.queryForMap("SELECT * FROM notification_outbox WHERE dedup_key = 'e-9/MY_REPORTS/anna.amt50'"))
                .as("a failed letter about the report quoted its title").containsEntry("subject", "entfernt bei einer Löschung")
                .containsEntry("text_body", null).containsEntry("html_body", null).containsEntry("calendar", null);
        assertThat(http.as("koordinator").post("/api/problem-reports/" + report + "/text-erasure", reason).status()).isEqualTo(409);
        assertThat(http.as("anna.amt50").post("/api/problem-reports/" + report + "/details", Map.of("details", "noch etwas"))
                .status()).as("the report still loads").isEqualTo(204);
    }

    @Test
    void theCommandSideStartedForATestMakesNoPostmanRounds() throws Exception {
        // they would turn the letters a test adds HELD behind its back (TestStore.common switches them off)
        assertThat(app.getBeanNamesForType(Class.forName("de.gremium.command.notification.Postman"))).hasSize(1);
        assertThat(app.getBeanNamesForType(Class.forName("de.gremium.command.notification.PostmanSchedule"))).isEmpty();
    }
}
