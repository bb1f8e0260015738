package de.gremium.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.gremium.query.export.ExportFormat;
import de.gremium.events.PolicyField;
import de.gremium.events.problem.ProblemReportAcknowledged;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.QuerySideApplication;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;

/**
 * The query side started on its own: events appended to its store reach the audit log through the
 * audit processor, and only the coordinator may read the log or verify the chain.
 */
class AuditApiTest {

    private static final Instant T0 = Instant.parse("2026-03-04T12:00:00Z");
    private static final List<String> ENDPOINTS = List.of("/api/audit/events", "/api/audit/aggregates/r-a/events",
            "/api/audit/people/anna.amt50/events", "/api/audit/events?format=csv", "/api/audit/verification");

    private static String database;
    private static ConfigurableApplicationContext context;
    private static Http http;

    @BeforeAll
    static void start() {
        database = TestStore.newRecord();
        List<String> args = new ArrayList<>(TestStore.common());
        args.addAll(TestStore.record(database));
        args.addAll(TestStore.views(database));
        context = QuerySideApplication.start(args.toArray(String[]::new));
        http = Http.on(Ports.of(context));
        ProblemReportId a = new ProblemReportId("r-a");
        ProblemReportId b = new ProblemReportId("r-b");
        EventStore store = context.getBean(EventStore.class);
        store.publish(
                event(a, 0, T0, "anna.amt50", new ProblemReportSubmitted(a, "Kita-Plätze, \"dringend\"", "zu wenige",
                        "Amt 50", Set.of(PolicyField.LANGUAGE), "anna.amt50", T0)),
                event(a, 1, T0.plusSeconds(60), "koordinator",
                        new ProblemReportAcknowledged(a, "übernommen", "koordinator", T0.plusSeconds(60))),
                event(b, 0, T0.plusSeconds(120), "jonas.fb32", new ProblemReportSubmitted(b, "Bus", "nachts", "FB 32",
                        Set.of(PolicyField.LANGUAGE), "jonas.fb32", T0.plusSeconds(120))));
        await().atMost(Duration.ofSeconds(10)).until(() -> http.as("koordinator").get("/api/audit/events"),
                r -> r.status() == 200 && r.json().at("/pagination/totalElements").asLong() == 3);
    }

    private static GenericDomainEventMessage<?> event(ProblemReportId report, long sequence, Instant at, String user,
            Object payload) {
        return new GenericDomainEventMessage<>("ProblemReport", report.value(), sequence, payload,
                Map.of("userId", user, "correlationId", "corr-" + report.value() + "-" + sequence), report.value() + "-" + sequence, at);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void theAuditProcessorIsPooledWithOneSegmentOnOneThread() {
        EventProcessor processor = context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(AuditLogProjection.GROUP).orElseThrow();
        assertThat(processor).isInstanceOf(PooledStreamingEventProcessor.class);
        assertThat(context.getBean(TokenStore.class).fetchSegments(AuditLogProjection.GROUP)).containsExactly(0);
        assertThat(((PooledStreamingEventProcessor) processor).processingStatus()).hasSize(1);
        assertThat(((PooledStreamingEventProcessor) processor).maxCapacity()).isEqualTo(1);
    }

    @Test
    void theEndpointsAreDescribedInTheOpenApiDocument() {
        Http.Response api = http.anonymous().get("/v3/api-docs");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().at("/paths").fieldNames()).toIterable().contains("/api/audit/events",
                "/api/audit/aggregates/{aggregateId}/events", "/api/audit/people/{userId}/events", "/api/audit/verification");
        JsonNode parameters = api.json().at("/paths/~1api~1audit~1events/get/parameters");
        assertThat(parameters.findValues("name")).extracting(JsonNode::asText).contains("from", "to", "type")
                .doesNotContain("filters");
        assertThat(StreamSupport.stream(parameters.spliterator(), false)
                .filter(parameter -> List.of("from", "to").contains(parameter.get("name").asText()))
                .map(parameter -> parameter.at("/schema/format").asText())).containsExactly("date-time", "date-time");
    }

    @Test
    void membersAndReadersMayNotReadTheAudit() {
        for (String path : ENDPOINTS) {
            assertThat(http.as("anna.amt50").get(path).status()).as("member on " + path).isEqualTo(403);
            assertThat(http.as("leser").get(path).status()).as("reader on " + path).isEqualTo(403);
            assertThat(http.anonymous().get(path).status()).as("anonymous on " + path).isEqualTo(401);
            assertThat(http.as("koordinator").get(path).status()).as("coordinator on " + path).isEqualTo(200);
        }
        assertThat(http.as("leser").header("Accept", "text/csv").get("/api/audit/events").status()).isEqualTo(403);
    }

    @Test
    void theCoordinatorReadsAllEventsAnAggregatesAndAPersonsInOrderWithMetadata() {
        JsonNode all = http.as("koordinator").get("/api/audit/events?size=2").json();
        assertThat(all.get("data")).extracting(n -> n.get("eventId").asText()).containsExactly("r-a-0", "r-a-1");
        assertThat(all.at("/pagination/totalPages").asInt()).isEqualTo(2);
        assertThat(all.at("/links/next").asText()).contains("page=2");
        JsonNode first = all.at("/data/0");
        assertThat(first.get("position").asLong()).isEqualTo(1);
        assertThat(first.get("eventType").asText()).isEqualTo("ProblemReportSubmitted");
        assertThat(first.get("userId").asText()).isEqualTo("anna.amt50");
        assertThat(first.get("correlationId").asText()).isEqualTo("corr-r-a-0");
        assertThat(first.get("timestamp").asText()).isEqualTo("2026-03-04T12:00:00Z");
        assertThat(first.at("/payload/submittedAt").asText()).isEqualTo("2026-03-04T12:00:00Z");
        assertThat(first.at("/payload/reportId/value").asText()).isEqualTo("r-a");

        assertThat(http.as("koordinator").get("/api/audit/aggregates/r-a/events").json().get("data"))
                .extracting(n -> n.get("sequenceNumber").asLong()).containsExactly(0L, 1L);
        assertThat(http.as("koordinator").get("/api/audit/people/jonas.fb32/events").json().get("data"))
                .extracting(n -> n.get("eventId").asText()).containsExactly("r-b-0");
        assertThat(http.as("koordinator").get("/api/audit/events?type=ProblemReportAcknowledged&type=Other"
                + "&from=2026-03-04T12:00:30Z&to=2026-03-04T14:00:00%2B01:00").json().get("data"))
                .extracting(n -> n.get("eventId").asText()).containsExactly("r-a-1");
    }

    @Test
    void csvComesByParameterOrByAcceptAndHoldsTheWholeFilteredResult() {
        Http.Response byParameter = http.as("koordinator").get("/api/audit/aggregates/r-a/events?format=csv&size=1");
        assertThat(byParameter.status()).isEqualTo(200);
        assertThat(MediaType.parseMediaType(byParameter.header("Content-Type"))).isEqualTo(ExportFormat.CSV.contentType());
        assertThat(byParameter.header("Content-Disposition")).isEqualTo("attachment; filename=\"audit-aggregate-r-a.csv\"");
        List<List<String>> rows = AuditLogProjectionTest.Rfc4180.parse(byParameter.body());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo(AuditCsv.COLUMNS);
        assertThat(rows.get(1).get(10)).contains("\"title\":\"Kita-Plätze, \\\"dringend\\\"\"");
        assertThat(byParameter.body()).contains("\"{\"\"reportId\"\":");

        Http.Response byAccept = http.as("koordinator").header("Accept", "text/csv").get("/api/audit/people/koordinator/events");
        assertThat(byAccept.status()).isEqualTo(200);
        assertThat(AuditLogProjectionTest.Rfc4180.parse(byAccept.body())).hasSize(2);
        assertThat(byAccept.header("Content-Disposition")).contains("audit-person-koordinator.csv");

        assertThat(http.as("koordinator").header("Accept", "*/*").get("/api/audit/events").header("Content-Type"))
                .startsWith("application/json");
        assertThat(http.as("koordinator").get("/api/audit/events").header("Content-Type")).startsWith("application/json");
    }

    @Test
    void badFiltersAreRefusedNamingTheParameter() {
        assertBadParameter("/api/audit/events?from=gestern", "from");
        assertBadParameter("/api/audit/events?to=2026-13-01T00:00:00Z", "to");
        assertBadParameter("/api/audit/events?from=2026-03-05T00:00:00Z&to=2026-03-04T00:00:00Z", "to");
        assertBadParameter("/api/audit/events?type=Problem%20Report", "type");
        assertBadParameter("/api/audit/events?size=501", "size");
        assertBadParameter("/api/audit/events?page=0", "page");
        assertBadParameter("/api/audit/events?format=xml", "format");
        assertBadParameter("/api/audit/people/anna.amt50/events?format=csv&from=gestern", "from");
        assertBadParameter("/api/audit/events?from=-1000000000-01-01T00:00:00Z", "from");
        assertBadParameter("/api/audit/events?to=%2B1000000000-12-31T23:59:59.999999999Z", "to");
        assertBadParameter("/api/audit/events?format=csv&to=2201-01-01T00:00:00Z", "to");
        Http.Response csv = http.as("koordinator").header("Accept", "text/csv").get("/api/audit/events?type=a-b");
        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.json().at("/errors/0/field").asText()).isEqualTo("type");
    }

    private static void assertBadParameter(String path, String field) {
        Http.Response response = http.as("koordinator").get(path);
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().at("/errors/0/field").asText()).as(path + " " + response.body()).isEqualTo(field);
    }

    @Test
    void verificationFindsAnEventEditedInTheRecordAndIsIntactAgainOnceItIsRestored() throws SQLException {
        JsonNode intact = http.as("koordinator").get("/api/audit/verification").json();
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("verified").asLong()).isGreaterThanOrEqualTo(3);

        try (Connection record = TestStore.connect(database)) {
            byte[] original = payloadOf(record, "r-a-1");
            // the note is stored encrypted (docs/adr/0007-crypto-shredding.md): the time is edited instead
            String edited = new String(original, StandardCharsets.UTF_8).replace("12:01:00Z", "12:09:00Z");
            assertThat(edited).isNotEqualTo(new String(original, StandardCharsets.UTF_8));
            setPayload(record, "r-a-1", edited.getBytes(StandardCharsets.UTF_8));
            try {
                JsonNode broken = http.as("koordinator").get("/api/audit/verification").json();
                assertThat(broken.get("intact").asBoolean()).isFalse();
                assertThat(broken.get("firstBrokenEventId").asText()).isEqualTo("r-a-1");
                assertThat(broken.get("position").asLong()).isEqualTo(2);
                assertThat(broken.get("reason").asText()).isEqualTo("content changed");
            } finally {
                setPayload(record, "r-a-1", original);
            }
        }
        assertThat(http.as("koordinator").get("/api/audit/verification").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void verificationFindsAnEventDeletedFromTheRecordAndIsIntactAgainOnceItIsBackInItsPlace() throws SQLException {
        try (Connection record = TestStore.connect(database)) {
            execute(record, "CREATE TEMPORARY TABLE deleted AS SELECT * FROM domain_event_entry WHERE event_identifier = 'r-b-0'");
            execute(record, "DELETE FROM domain_event_entry WHERE event_identifier = 'r-b-0'");
            try {
                JsonNode broken = http.as("koordinator").get("/api/audit/verification").json();
                assertThat(broken.get("intact").asBoolean()).isFalse();
                assertThat(broken.get("firstBrokenEventId").asText()).isEqualTo("r-b-0");
                assertThat(broken.get("position").asLong()).isEqualTo(3);
                assertThat(broken.get("reason").asText()).isEqualTo("event missing");
                assertThat(broken.get("storedEvents").asLong()).isEqualTo(2);
            } finally {
                // the same row, global index included
                execute(record, "INSERT INTO domain_event_entry SELECT * FROM deleted");
            }
        }
        assertThat(http.as("koordinator").get("/api/audit/verification").json().get("intact").asBoolean()).isTrue();
    }

    private static byte[] payloadOf(Connection record, String eventId) throws SQLException {
        try (PreparedStatement select = record.prepareStatement(
                "SELECT payload FROM domain_event_entry WHERE event_identifier = ?")) {
            select.setString(1, eventId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as(eventId + " stored").isTrue();
                return row.getBytes(1);
            }
        }
    }

    private static void setPayload(Connection record, String eventId, byte[] payload) throws SQLException {
        try (PreparedStatement update = record.prepareStatement(
                "UPDATE domain_event_entry SET payload = ? WHERE event_identifier = ?")) {
            update.setBytes(1, payload);
            update.setString(2, eventId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static void execute(Connection record, String sql) throws SQLException {
        try (PreparedStatement statement = record.prepareStatement(sql)) {
            statement.execute();
        }
    }
}
