package de.gremium.query.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.gremium.events.PolicyField;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.group.MemberId;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.RecordFixture;
import de.gremium.query.RunningQuerySide;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The right of access: the coordinator exports everything stored about one person, the events they caused or that
 * name them and the view documents about them, read from the record and the views; nobody else's, and nobody else
 * may ask.
 */
class PersonalDataExportApiTest {

    private static final String EXPORT = "/api/people/%s/export";

    private static RunningQuerySide querySide;
    private static Http http;

    @BeforeAll
    static void start() {
        querySide = RunningQuerySide.start(TestStore.newRecord());
        http = Http.on(Ports.of(querySide.context()));
        RecordFixture.storeIn(querySide.eventStore());
        ProblemReportId report = new ProblemReportId("meldung-jonas");
        Instant at = Instant.parse("2026-02-01T10:00:00Z");
        querySide.eventStore().publish(new GenericDomainEventMessage<>("ProblemReport", report.value(), 0,
                new ProblemReportSubmitted(report, "Busverbindung nachts", "keine Linie nach 22 Uhr", "FB 32",
                        Set.of(PolicyField.LANGUAGE), "jonas.fb32", at),
                MetaData.with("userId", "jonas.fb32").and("correlationId", "c-jonas"), "ProblemReport-meldung-jonas-0", at));
        MeetingId second = new MeetingId("regular-2026-Q2");
        Instant later = Instant.parse("2026-04-01T10:00:00Z");
        querySide.eventStore().publish(new GenericDomainEventMessage<>("Meeting", second.value(), 0,
                new MeetingPlanned(second, 2026, 2, MeetingKind.REGULAR, "Sitzung Q2/2026", 60, "koordinator", later),
                MetaData.with("userId", "koordinator").and("correlationId", "c-q2"), "Meeting-regular-2026-Q2-0", later));
        querySide.eventStore().publish(new GenericDomainEventMessage<>("Meeting", second.value(), 1,
                new MeetingHeld(second, List.of(new MemberId("anna.amt50"), new MemberId("bernd.amt32")), List.of(),
                        "Bernd Vogel berichtet aus Amt 32", List.of(), "koordinator", later.plusSeconds(60)),
                MetaData.with("userId", "koordinator").and("correlationId", "c-q2-held"), "Meeting-regular-2026-Q2-1",
                later.plusSeconds(60)));
        querySide.awaitCaughtUp();
    }

    @Test
    void anotherMemberNamedInTheSameEventDoesNotAppearInTheExport() {
        Http.Response response = http.as("koordinator").get(EXPORT.formatted("anna.amt50"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode export = response.json();
        JsonNode held = StreamSupport.stream(export.get("events").spliterator(), false)
                .filter(event -> event.get("eventId").asText().equals("Meeting-regular-2026-Q2-1")).findFirst().orElseThrow();
        assertThat(texts(held.at("/payload/attendees"), "value")).containsExactly("anna.amt50", "[andere Person]");
        assertThat(held.at("/payload/meetingId/value").asText()).isEqualTo("regular-2026-Q2");
        assertThat(held.at("/metaData/userId").asText()).isEqualTo("[andere Person]");
        assertThat(held.at("/metaData/correlationId").asText()).isEqualTo("c-q2-held");
        JsonNode meeting = StreamSupport.stream(export.at("/views/work_plan_meetings").spliterator(), false)
                .filter(document -> document.get("_id").asText().equals("regular-2026-Q2")).findFirst().orElseThrow();
        assertThat(meeting.toString()).contains("anna.amt50");
        assertThat(response.body()).doesNotContain("bernd", "Bernd", "koordinator", "Sitzung Q2");
    }

    @Test
    void aFieldNameIsNoUserIdAndNothingIsExportedForIt() {
        for (String name : List.of("_id", "title", "value")) {
            Http.Response response = http.as("koordinator").get(EXPORT.formatted(name));
            if (response.status() == 200) {
                assertThat(response.json().get("events")).isEmpty();
                response.json().get("views").forEach(documents -> assertThat(documents).isEmpty());
            } else {
                assertThat(response.status()).isIn(400, 404);
            }
        }
        Http.Response refused = http.as("koordinator").get(EXPORT.formatted("anna,amt50"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().toString()).contains("userId");
    }

    @AfterAll
    static void stop() {
        querySide.close();
    }

    @Test
    void theExportHoldsTheEventsThatNameThePersonAndTheViewDocumentsAboutThem() {
        Http.Response response = http.as("koordinator").get(EXPORT.formatted("anna.amt50"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode export = response.json();
        assertThat(export.get("userId").asText()).isEqualTo("anna.amt50");
        assertThat(Instant.parse(export.get("exportedAt").asText())).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(texts(export.get("events"), "eventId")).containsExactly("WorkingGroup-projektgruppe-integration-1", "ProblemReport-meldung-1-0",
                "ProblemReport-meldung-1-1", "SchedulingPoll-umfrage-1-1", "Meeting-regular-2026-Q1-3",
                "Deliberation-d-1-0", "Deliberation-d-1-1", "Meeting-regular-2026-Q2-1");
        JsonNode submitted = export.at("/events/1");
        assertThat(submitted.get("type").asText()).isEqualTo("ProblemReportSubmitted");
        assertThat(submitted.get("globalIndex").asLong()).isPositive();
        assertThat(submitted.get("timestamp").asText()).isEqualTo("2026-01-05T09:02:00Z");
        assertThat(texts(submitted.get("relation"), null)).containsExactly("named");
        assertThat(submitted.at("/payload/submittedBy").asText()).isEqualTo("anna.amt50");
        assertThat(submitted.at("/payload/title").asText()).isEqualTo("Kurse ausgebucht");

        JsonNode views = export.get("views");
        assertThat(texts(views.get("member_directory_members"), "_id")).containsExactly("anna.amt50");
        assertThat(texts(views.get("problem_board"), "_id")).containsExactly("meldung-1");
        assertThat(texts(views.get("scheduling_polls"), "_id")).containsExactly("umfrage-1");
        assertThat(texts(views.get("work_plan_meetings"), "_id")).containsExactly("regular-2026-Q1", "regular-2026-Q2");
        assertThat(texts(views.get("audit_log"), "_id")).containsAll(texts(export.get("events"), "eventId"));
        assertThat(views.has("event_chain")).isFalse();
        assertThat(response.body()).doesNotContain("jonas", "Busverbindung");
    }

    @Test
    void theEventsAPersonCausedAreInTheirExportThoughTheirPayloadNamesSomeoneElse() {
        JsonNode export = http.as("koordinator").get(EXPORT.formatted("jonas.fb32")).json();

        assertThat(texts(export.get("events"), "eventId")).containsExactly("ProblemReport-meldung-jonas-0");
        assertThat(texts(export.at("/events/0/relation"), null)).containsExactly("caused", "named");
        assertThat(texts(export.at("/views/problem_board"), "_id")).containsExactly("meldung-jonas");
        assertThat(export.toString()).doesNotContain("anna.amt50", "Kurse ausgebucht");
    }

    @Test
    void onlyTheCoordinatorMayExportAndAnUnknownPersonIsNotFound() {
        assertThat(http.as("anna.amt50").get(EXPORT.formatted("anna.amt50")).status()).isEqualTo(403);
        assertThat(http.as("buero.ob").get(EXPORT.formatted("anna.amt50")).status()).isEqualTo(403);
        assertThat(http.as("leser").get(EXPORT.formatted("anna.amt50")).status()).isEqualTo(403);
        assertThat(http.anonymous().get(EXPORT.formatted("anna.amt50")).status()).isEqualTo(401);

        Http.Response unknown = http.as("koordinator").get(EXPORT.formatted("niemand.bekannt"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        Http.Response tooLong = http.as("koordinator").get(EXPORT.formatted("x".repeat(201)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().toString()).contains("userId");
    }

    @Test
    void theEndpointIsDescribedInTheOpenApiDocument() {
        // the document is generated at the first request, which on a busy machine may take longer than one HTTP timeout
        await().atMost(Duration.ofMinutes(3)).ignoreExceptions().untilAsserted(() -> assertThat(
                http.anonymous().get("/v3/api-docs").json().at("/paths/~1api~1people~1{userId}~1export/get/summary").asText())
                .contains("Art. 15"));
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        StreamSupport.stream(array.spliterator(), false).forEach(node -> texts.add(field == null ? node.asText() : node.get(field).asText()));
        return texts;
    }
}
