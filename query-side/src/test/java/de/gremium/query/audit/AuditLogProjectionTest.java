package de.gremium.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.gremium.query.export.CsvDialect;
import de.gremium.events.PolicyField;
import de.gremium.events.group.MemberId;
import de.gremium.events.problem.ProblemReportAcknowledged;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.events.scheduling.Availability;
import de.gremium.events.scheduling.SchedulingPollAnswered;
import de.gremium.events.scheduling.SchedulingPollId;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit log projection as a plain object over real stores: events are stored in a record of the test's own
 * by Axon's JDBC storage engine and read back as a processor gets them, then handed over; the log and the chain
 * go to a view database of the test's own.
 */
class AuditLogProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-04T12:00:00Z");
    private static final ProblemReportId A = new ProblemReportId("r-a");
    private static final ProblemReportId B = new ProblemReportId("r-b");
    private static final String AWKWARD_TITLE = "Bus, \"Linie 5\"\nund Nachtverkehr";

    private AuditDatabase db;
    private AuditLogProjection projection;
    private AuditQueries queries;
    private List<? extends TrackedEventMessage<?>> events;

    @BeforeEach
    void setUp() {
        db = AuditDatabase.open();
        projection = new AuditLogProjection(db.mongo(), new EventChain(db.mongo(), db.storedEvents()), AuditDatabase.SPRING_JSON);
        queries = new AuditQueries(db.mongo(), new EventChainVerifier(db.mongo(), db.storedEvents()));
        events = db.storeAndRead(
                event("e-1", A, 0, T0, "anna.amt50", new ProblemReportSubmitted(A, "Kita-Plätze", "zu wenige", "Amt 50",
                        Set.of(PolicyField.LANGUAGE), "anna.amt50", T0)),
                event("e-2", A, 1, T0.plusSeconds(60), "koordinator",
                        new ProblemReportAcknowledged(A, "übernommen", "koordinator", T0.plusSeconds(60))),
                event("e-3", B, 0, T0.plusSeconds(120), "jonas.fb32", new ProblemReportSubmitted(B, AWKWARD_TITLE, "nachts",
                        "FB 32", Set.of(PolicyField.LANGUAGE), "jonas.fb32", T0.plusSeconds(120))));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static EventMessage<?> event(String id, ProblemReportId report, long sequence, Instant at, String user, Object payload) {
        return new GenericDomainEventMessage<>("ProblemReport", report.value(), sequence, payload,
                Map.of("userId", user, "correlationId", "corr-" + id, "causationId", "cmd-" + id), id, at);
    }

    private void deliverAll() {
        events.forEach(event -> projection.on(event.getPayload(), event));
    }

    private List<AuditEntry> entries(AuditFilter filter) {
        return queries.handle(new FetchAuditTrail(filter, 0, 50)).entries();
    }

    private static AuditFilter all() {
        return new AuditFilter(null, null, null, null, Set.of(), null);
    }

    @Test
    void everyEventIsLoggedWithItsMetadataAndPayloadInTheOrderItWasHandled() {
        deliverAll();

        List<AuditEntry> all = entries(all());
        assertThat(all).extracting(AuditEntry::eventId).containsExactly("e-1", "e-2", "e-3");
        assertThat(all).extracting(AuditEntry::position).containsExactly(1L, 2L, 3L);
        AuditEntry acknowledged = all.get(1);
        assertThat(acknowledged.eventType()).isEqualTo("ProblemReportAcknowledged");
        assertThat(acknowledged.eventTypeFullName()).isEqualTo(ProblemReportAcknowledged.class.getName());
        assertThat(acknowledged.aggregateType()).isEqualTo("ProblemReport");
        assertThat(acknowledged.aggregateId()).isEqualTo("r-a");
        assertThat(acknowledged.sequenceNumber()).isEqualTo(1);
        assertThat(acknowledged.timestamp()).isEqualTo(T0.plusSeconds(60));
        assertThat(acknowledged.userId()).isEqualTo("koordinator");
        assertThat(acknowledged.correlationId()).isEqualTo("corr-e-2");
        assertThat(acknowledged.causationId()).isEqualTo("cmd-e-2");
        assertThat(acknowledged.payload()).containsEntry("note", "übernommen")
                .containsEntry("acknowledgedAt", "2026-03-04T12:01:00Z")
                .containsEntry("reportId", Map.of("value", "r-a"));
    }

    @Test
    void anAggregatesHistoryHoldsOnlyItsOwnEventsInSequence() {
        deliverAll();

        assertThat(entries(new AuditFilter("r-a", null, null, null, Set.of(), null)))
                .extracting(AuditEntry::eventId, AuditEntry::sequenceNumber)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("e-1", 0L), org.assertj.core.groups.Tuple.tuple("e-2", 1L));
        assertThat(entries(new AuditFilter("r-b", null, null, null, Set.of(), null)))
                .extracting(AuditEntry::eventId).containsExactly("e-3");
    }

    @Test
    void aRedeliveredEventChangesNeitherTheLogNorTheChain() {
        deliverAll();
        List<AuditEntry> once = entries(all());

        deliverAll();
        projection.on(events.get(1).getPayload(), events.get(1));

        assertThat(entries(all())).isEqualTo(once);
        assertThat(db.chainLinks().countDocuments()).isEqualTo(3);
        assertThat(queries.handle(new FetchChainVerification()))
                .extracting(ChainVerification::verified, ChainVerification::intact).containsExactly(3L, true);
    }

    @Test
    void aPersonsHistoryIsWhatTheyDid() {
        deliverAll();

        assertThat(entries(new AuditFilter(null, "anna.amt50", null, null, Set.of(), null)))
                .extracting(AuditEntry::eventId).containsExactly("e-1");
        assertThat(entries(new AuditFilter(null, "koordinator", null, null, Set.of(), null)))
                .extracting(AuditEntry::eventId).containsExactly("e-2");
        assertThat(entries(new AuditFilter(null, "nobody", null, null, Set.of(), null))).isEmpty();
    }

    @Test
    void timeRangesIncludeTheirStartAndExcludeTheirEnd() {
        deliverAll();

        assertThat(entries(new AuditFilter(null, null, T0.plusSeconds(60), null, Set.of(), null)))
                .extracting(AuditEntry::eventId).containsExactly("e-2", "e-3");
        assertThat(entries(new AuditFilter(null, null, null, T0.plusSeconds(60), Set.of(), null)))
                .extracting(AuditEntry::eventId).containsExactly("e-1");
        assertThat(entries(new AuditFilter(null, null, T0.plusSeconds(1), T0.plusSeconds(120), Set.of(), null)))
                .extracting(AuditEntry::eventId).containsExactly("e-2");
    }

    @Test
    void typeFiltersCombineWithEachOtherAndWithTheRest() {
        deliverAll();

        assertThat(entries(new AuditFilter(null, null, null, null, Set.of("ProblemReportSubmitted"), null)))
                .extracting(AuditEntry::eventId).containsExactly("e-1", "e-3");
        assertThat(entries(new AuditFilter(null, null, null, null,
                Set.of("ProblemReportSubmitted", "ProblemReportAcknowledged"), null)))
                .extracting(AuditEntry::eventId).containsExactly("e-1", "e-2", "e-3");
        assertThat(entries(new AuditFilter("r-a", null, T0.plusSeconds(1), null, Set.of("ProblemReportSubmitted"), null)))
                .isEmpty();
    }

    @Test
    void pagesCountTheWholeResultAndExportSlicesFollowPositions() {
        deliverAll();

        AuditQueries.AuditPage second = queries.handle(new FetchAuditTrail(all(), 1, 2));
        assertThat(second.entries()).extracting(AuditEntry::eventId).containsExactly("e-3");
        assertThat(second.total()).isEqualTo(3);
        assertThat(queries.handle(new FetchAuditTrailAfter(all(), 1, 1)).entries())
                .extracting(AuditEntry::eventId).containsExactly("e-2");
        assertThat(queries.handle(new CountAuditTrail(new AuditFilter("r-a", null, null, null, Set.of(), null))))
                .isEqualTo(new AuditQueries.AuditCount(2, 3));
        assertThat(queries.handle(new FetchAuditTrailAfter(all().upTo(2), 0, 10)).entries()).hasSize(2);
    }

    @Test
    void payloadMapKeysWithDotsAreKept() {
        SchedulingPollId poll = new SchedulingPollId("umfrage-1");
        List<? extends TrackedEventMessage<?>> stored = db.storeAndRead(new GenericDomainEventMessage<>("SchedulingPoll",
                poll.value(), 0, new SchedulingPollAnswered(poll, new MemberId("anna.amt50"), Map.of("slot.10.30", Availability.YES),
                T0), Map.of("userId", "anna.amt50"), "e-poll", T0.plusSeconds(300)));
        stored.forEach(event -> projection.on(event.getPayload(), event));

        AuditEntry entry = entries(new AuditFilter("umfrage-1", null, null, null, Set.of(), null)).get(0);
        assertThat(entry.payload()).containsEntry("answers", Map.of("slot.10.30", "YES"));
    }

    @Test
    void nullFieldsOfAPayloadAreKept() {
        ProblemReportId c = new ProblemReportId("r-c");
        db.storeAndRead(event("e-null", c, 0, T0.plusSeconds(400), "koordinator",
                new ProblemReportAcknowledged(c, null, "koordinator", T0.plusSeconds(400))))
                .stream().filter(event -> event.getIdentifier().equals("e-null"))
                .forEach(event -> projection.on(event.getPayload(), event));

        assertThat(entries(new AuditFilter("r-c", null, null, null, Set.of(), null)).get(0).payload())
                .containsEntry("note", null).containsEntry("acknowledgedBy", "koordinator");
    }

    @Test
    void csvQuotesCommasQuotesAndLineBreaksAndThePayloadSurvivesAsJson() throws IOException {
        deliverAll();
        AuditCsv csv = new AuditCsv(AuditDatabase.SPRING_JSON);
        StringWriter out = new StringWriter();
        csv.header(out, CsvDialect.COMMA);
        for (AuditEntry entry : entries(all())) {
            csv.row(out, CsvDialect.COMMA, entry);
        }

        List<List<String>> records = Rfc4180.parse(out.toString());
        assertThat(records.get(0)).isEqualTo(AuditCsv.COLUMNS);
        assertThat(records).hasSize(4).allSatisfy(record -> assertThat(record).hasSize(AuditCsv.COLUMNS.size()));
        List<String> awkward = records.get(3);
        assertThat(awkward.subList(0, 10)).containsExactly("3", "2026-03-04T12:02:00Z", "ProblemReportSubmitted",
                "ProblemReport", "r-b", "0", "jonas.fb32", "corr-e-3", "cmd-e-3", "e-3");
        JsonNode payload = AuditDatabase.SPRING_JSON.readTree(awkward.get(10));
        assertThat(payload.get("title").asText()).isEqualTo(AWKWARD_TITLE);
        assertThat(out.toString()).endsWith("\r\n");
    }

    @Test
    void csvFieldsAreQuotedOnlyWhenTheyMustBe() {
        assertThat(CsvDialect.COMMA.cell("plain")).isEqualTo("plain");
        assertThat(CsvDialect.COMMA.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvDialect.COMMA.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvDialect.COMMA.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(CsvDialect.COMMA.cell("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(Rfc4180.parse("x," + CsvDialect.COMMA.cell("a,\"b\"\r\nc") + "\r\n")).containsExactly(List.of("x", "a,\"b\"\r\nc"));
    }

    /** A strict reader of RFC 4180 records, to read back what was written. */
    static final class Rfc4180 {

        static List<List<String>> parse(String text) {
            List<List<String>> records = new ArrayList<>();
            List<String> record = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '"' && field.isEmpty()) {
                    i++;
                    while (true) {
                        char q = text.charAt(i++);
                        if (q == '"') {
                            if (i < text.length() && text.charAt(i) == '"') {
                                field.append('"');
                                i++;
                            } else {
                                break;
                            }
                        } else {
                            field.append(q);
                        }
                    }
                } else if (c == ',') {
                    record.add(field.toString());
                    field.setLength(0);
                    i++;
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    record.add(field.toString());
                    field.setLength(0);
                    records.add(record);
                    record = new ArrayList<>();
                    i += 2;
                } else {
                    assertThat(c).as("unquoted field holds a quote or a line break").isNotIn('"', '\r', '\n');
                    field.append(c);
                    i++;
                }
            }
            assertThat(record).as("last record ended by CRLF").isEmpty();
            return records;
        }
    }
}
