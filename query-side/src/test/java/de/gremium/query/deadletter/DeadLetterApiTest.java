package de.gremium.query.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.gremium.events.PolicyField;
import de.gremium.events.problem.ProblemReportAcknowledged;
import de.gremium.events.problem.ProblemReportDetailsAdded;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.QuerySideApplication;
import de.gremium.query.audit.AuditLogProjection;
import de.gremium.query.oparl.OParlGroupProjection;
import de.gremium.query.problem.ProblemBoardProjection;
import de.gremium.query.search.ErasedSearchIndex;
import de.gremium.query.search.SearchProjection;
import de.gremium.query.view.ErasedViews;
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
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The query side started on its own, with one more projection that fails on one event while its bug is
 * switched on: the failing event's aggregate is parked in the record's dead-letter queue, everything else
 * flows, and a drain after the fix completes the view exactly once.
 */
class DeadLetterApiTest {

    private static final Instant T0 = Instant.parse("2027-02-01T09:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ProblemReportId POISONED = new ProblemReportId("r-gift");
    private static final ProblemReportId HEALTHY = new ProblemReportId("r-gut");

    private static String database;
    private static ConfigurableApplicationContext context;
    private static Http http;
    private static EventStore store;
    private static PoisonableProjection projection;

    @BeforeAll
    static void start() {
        database = TestStore.newRecord();
        List<String> args = new ArrayList<>(TestStore.common());
        args.addAll(TestStore.record(database));
        args.addAll(TestStore.views(database));
        args.add("--spring.main.sources=" + PoisonableProjection.class.getName());
        context = QuerySideApplication.start(args.toArray(String[]::new));
        http = Http.on(Ports.of(context));
        store = context.getBean(EventStore.class);
        projection = context.getBean(PoisonableProjection.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aPoisonEventParksOnlyItsAggregateAndADrainAfterTheFixCompletesTheViewOnce() throws SQLException {
        append(POISONED, 0, new ProblemReportSubmitted(POISONED, "Kita", "zu wenige Plätze", "Amt 50",
                Set.of(PolicyField.LANGUAGE), "anna.amt50", T0));
        append(POISONED, 1, new ProblemReportDetailsAdded(POISONED, "Gift im Detail", "anna.amt50", T0.plusSeconds(60)));
        append(HEALTHY, 0, new ProblemReportSubmitted(HEALTHY, "Bus", "nachts", "FB 32", Set.of(PolicyField.LANGUAGE),
                "jonas.fb32", T0.plusSeconds(120)));
        append(POISONED, 2, new ProblemReportAcknowledged(POISONED, "übernommen", "koordinator", T0.plusSeconds(180)));
        append(HEALTHY, 1, new ProblemReportDetailsAdded(HEALTHY, "auch am Wochenende", "jonas.fb32", T0.plusSeconds(240)));
        append(POISONED, 3, new ProblemReportDetailsAdded(POISONED, "danach", "anna.amt50", T0.plusSeconds(300)));

        // the failing event and the two after it in the same aggregate are parked, in their order
        JsonNode parked = await().atMost(PATIENCE).until(() -> testQueue(overview()), q -> q.get("letters").asLong() == 3);
        assertThat(parked.get("sequences").asLong()).isEqualTo(1);
        JsonNode sequence = parked.at("/parked/0");
        assertThat(sequence.get("sequence").asText()).isEqualTo(POISONED.value());
        assertThat(sequence.get("letters").asLong()).isEqualTo(3);
        JsonNode first = sequence.get("first");
        assertThat(first.get("eventType").asText()).isEqualTo("ProblemReportDetailsAdded");
        assertThat(first.get("aggregateType").asText()).isEqualTo("ProblemReport");
        assertThat(first.get("aggregateId").asText()).isEqualTo(POISONED.value());
        assertThat(first.get("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(first.at("/cause/type").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(first.at("/cause/message").asText()).contains("Gift im Detail");
        assertThat(Instant.parse(first.get("enqueuedAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(first.get("failedAttempts").asInt()).isEqualTo(1);
        assertThat(parkedSequenceNumbers()).containsExactly(1L, 2L, 3L);
        assertThat(lettersInTheRecord()).as("dead_letter_entry rows").isEqualTo(3);

        // the other aggregate went through the same projection, and the other projections saw every event
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(projection.view().get(HEALTHY.value()))
                .containsExactly("0: submitted Bus", "1: details auch am Wochenende"));
        assertThat(projection.view().get(POISONED.value())).containsExactly("0: submitted Kita");
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode report = http.as("koordinator").get("/api/problem-reports/" + POISONED.value()).json();
            assertThat(report.get("version").asLong()).isEqualTo(3);
            assertThat(report.get("status").asText()).isEqualTo("ACKNOWLEDGED");
            assertThat(report.get("details")).hasSize(2);
        });
        for (JsonNode group : overview().get("processingGroups")) {
            if (!group.get("processingGroup").asText().equals(PoisonableProjection.GROUP)) {
                assertThat(group.get("letters").asLong()).as(group.get("processingGroup").asText()).isZero();
            }
        }

        // a retry before the fix fails again and leaves the sequence as it was
        JsonNode tooEarly = retry();
        assertThat(tooEarly.get("processed").asInt()).isZero();
        assertThat(tooEarly.get("failed").asInt()).isEqualTo(1);
        assertThat(tooEarly.get("remaining").asLong()).isEqualTo(1);
        assertThat(tooEarly.get("remainingLetters").asLong()).isEqualTo(3);
        assertThat(parkedSequenceNumbers()).containsExactly(1L, 2L, 3L);
        assertThat(testQueue(overview()).at("/parked/0/first/failedAttempts").asInt()).isEqualTo(2);
        assertThat(projection.view().get(POISONED.value())).containsExactly("0: submitted Kita");

        // the fix, then the drain: the queue empties and the view has every event, in order
        projection.poisoned.set(false);
        JsonNode drained = retry();
        assertThat(drained.get("processed").asInt()).isEqualTo(1);
        assertThat(drained.get("failed").asInt()).isZero();
        assertThat(drained.get("remaining").asLong()).isZero();
        assertThat(drained.get("remainingLetters").asLong()).isZero();
        assertThat(projection.view().get(POISONED.value())).containsExactly("0: submitted Kita",
                "1: details Gift im Detail", "2: acknowledged", "3: details danach");
        JsonNode empty = testQueue(overview());
        assertThat(empty.get("sequences").asLong()).isZero();
        assertThat(empty.get("letters").asLong()).isZero();
        assertThat(empty.get("parked")).isEmpty();
        assertThat(lettersInTheRecord()).isZero();

        // draining again changes nothing
        Map<String, List<String>> view = projection.view();
        JsonNode again = retry();
        assertThat(again.get("processed").asInt()).isZero();
        assertThat(again.get("failed").asInt()).isZero();
        assertThat(again.get("remaining").asLong()).isZero();
        assertThat(projection.view()).isEqualTo(view);

        // and the aggregate's next event is handled at once again, not parked
        append(POISONED, 4, new ProblemReportDetailsAdded(POISONED, "und noch etwas", "anna.amt50", T0.plusSeconds(360)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(projection.view().get(POISONED.value()))
                .endsWith("4: details und noch etwas"));
        assertThat(testQueue(overview()).get("letters").asLong()).isZero();
    }

    @Test
    void everyProjectionExceptTheAuditLogTheSearchAndTheRebuildsAfterAnErasureParksItsFailuresInAQueueOfItsOwn() {
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        List<String> withoutQueue = List.of(AuditLogProjection.GROUP, SearchProjection.GROUP, ErasedViews.GROUP,
                ErasedSearchIndex.GROUP);
        assertThat(processing.eventProcessors().keySet()).contains(ProblemBoardProjection.GROUP, "member-directory",
                "project-ideas", "work-plan", "scheduling-polls", "recommendation-trace", "network-feed", "monitoring",
                "recommendations", "deliberations",
                OParlGroupProjection.GROUP, PoisonableProjection.GROUP).containsAll(withoutQueue);
        for (String group : processing.eventProcessors().keySet()) {
            boolean expected = !withoutQueue.contains(group);
            assertThat(processing.deadLetterQueue(group).isPresent()).as(group).isEqualTo(expected);
            assertThat(processing.sequencedDeadLetterProcessor(group).isPresent()).as(group).isEqualTo(expected);
        }
        JsonNode overview = overview();
        assertThat(overview.get("withoutDeadLetterQueue")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(withoutQueue);
        assertThat(overview.get("processingGroups")).extracting(g -> g.get("processingGroup").asText())
                .hasSize(processing.eventProcessors().size() - withoutQueue.size()).doesNotContainAnyElementsOf(withoutQueue);
    }

    @Test
    void resettingAProjectionEmptiesItsQueueBecauseTheReplayHandlesEveryEventAgain() {
        SequencedDeadLetterQueue<EventMessage<?>> queue = context.getBean(EventProcessingConfiguration.class)
                .deadLetterQueue(ProblemBoardProjection.GROUP).orElseThrow();
        ProblemReportId report = new ProblemReportId("r-reset");
        queue.enqueue(report.value(), new GenericDeadLetter<>(report.value(), new GenericDomainEventMessage<>(
                "ProblemReport", report.value(), 0, new ProblemReportSubmitted(report, "Reset", "", "Amt 50",
                        Set.of(PolicyField.LANGUAGE), "anna.amt50", T0)), new IllegalStateException("stale")));
        assertThat(queue.size()).isEqualTo(1);

        StreamingEventProcessor processor = context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(ProblemBoardProjection.GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        assertThat(queue.size()).isZero();
        assertThat(queue.amountOfSequences()).isZero();
    }

    @Test
    void onlyTheCoordinatorMayReadOrDrainTheQueues() {
        String retry = "/api/dead-letters/" + ProblemBoardProjection.GROUP + "/retry";
        assertThat(http.as("anna.amt50").get("/api/dead-letters").status()).isEqualTo(403);
        assertThat(http.as("anna.amt50").post(retry, (String) null).status()).isEqualTo(403);
        assertThat(http.anonymous().get("/api/dead-letters").status()).isEqualTo(401);
        assertThat(http.anonymous().post(retry, (String) null).status()).isEqualTo(401);
        assertThat(http.as("koordinator").post(retry, (String) null).status()).isEqualTo(200);
        assertThat(http.as("koordinator").post("/api/dead-letters/audit-log/retry", (String) null).status()).isEqualTo(404);
        assertThat(http.as("koordinator").post("/api/dead-letters/no-such-group/retry", (String) null).status()).isEqualTo(404);
    }

    @Test
    void theApiDocumentDescribesBothEndpoints() {
        JsonNode paths = http.anonymous().get("/v3/api-docs").json().get("paths");
        assertThat(paths.at("/~1api~1dead-letters/get/description").asText()).contains("audit-log");
        assertThat(paths.at("/~1api~1dead-letters~1{processingGroup}~1retry/post/description").asText())
                .contains("SequencedDeadLetterProcessor");
    }

    private static void append(ProblemReportId report, long sequence, Object event) {
        store.publish(new GenericDomainEventMessage<>("ProblemReport", report.value(), sequence, event));
    }

    private static JsonNode overview() {
        Http.Response response = http.as("koordinator").get("/api/dead-letters");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode retry() {
        Http.Response response = http.as("koordinator").post("/api/dead-letters/" + PoisonableProjection.GROUP + "/retry",
                (String) null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode testQueue(JsonNode overview) {
        for (JsonNode group : overview.get("processingGroups")) {
            if (group.get("processingGroup").asText().equals(PoisonableProjection.GROUP)) {
                return group;
            }
        }
        throw new AssertionError("no queue for " + PoisonableProjection.GROUP + " in " + overview);
    }

    /** The test projection's letters in the record's dead_letter_entry table. */
    private static long lettersInTheRecord() throws SQLException {
        try (Connection record = TestStore.connect(database); PreparedStatement count = record.prepareStatement(
                "SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?")) {
            count.setString(1, PoisonableProjection.GROUP);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The parked events of the poisoned report, in the queue's order, straight from Axon's queue. */
    private static List<Long> parkedSequenceNumbers() {
        SequencedDeadLetterQueue<EventMessage<?>> queue = context.getBean(EventProcessingConfiguration.class)
                .deadLetterQueue(PoisonableProjection.GROUP).orElseThrow();
        return StreamSupport.stream(queue.deadLetterSequence(POISONED.value()).spliterator(), false)
                .map(letter -> ((DomainEventMessage<?>) letter.message()).getSequenceNumber()).toList();
    }
}
