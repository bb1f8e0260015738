package de.gremium.query.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.gremium.events.PolicyField;
import de.gremium.events.problem.ProblemReportDetailsAdded;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.QuerySideApplication;
import de.gremium.query.problem.ProblemBoardProjection;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The problem board through the API with its answers kept: a repeated read is served from the cache, and
 * the first read after the board's processor has taken in a new event shows it.
 */
class ViewCacheApiTest {

    private static final Instant T0 = Instant.parse("2027-03-01T09:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static ConfigurableApplicationContext context;
    private static Http http;
    private static EventStore store;
    private static StreamingEventProcessor board;
    private static MeterRegistry meters;
    private static MongoTemplate mongo;

    @BeforeAll
    static void start() {
        List<String> args = new ArrayList<>(TestStore.inMemory());
        // kept for long enough that a slow machine does not see them expire between two reads of a test
        args.add("--gremium.query.view-cache.max-age=10m");
        context = QuerySideApplication.start(args.toArray(String[]::new));
        http = Http.on(Ports.of(context));
        store = context.getBean(EventStore.class);
        board = context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(ProblemBoardProjection.GROUP, StreamingEventProcessor.class).orElseThrow();
        meters = context.getBean(MeterRegistry.class);
        mongo = context.getBean(MongoTemplate.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aRepeatedReadIsKeptAndTheFirstReadAfterTheProcessorMovedOnShowsTheChange() {
        ProblemReportId first = new ProblemReportId("r-cache-1");
        TrackingToken start = position();
        submit(first, "Kita", T0);
        awaitProcessed(start, () -> stored(first.value()) != null);

        JsonNode kept = board();
        double hitsBefore = hits();
        assertThat(board()).isEqualTo(kept);
        assertThat(board()).isEqualTo(kept);
        assertThat(hits()).isEqualTo(hitsBefore + 2);

        // a change of a report on the first page, and a new report: once the processor's status has
        // moved on (after the batch that wrote them committed), the very next read shows both
        TrackingToken before = position();
        store.publish(new GenericDomainEventMessage<>("ProblemReport", first.value(), 1,
                new ProblemReportDetailsAdded(first, "auch samstags", "anna.amt50", T0.plusSeconds(60))));
        submit(new ProblemReportId("r-cache-2"), "Bus", T0.plusSeconds(120));
        // both are in the view (written before the status moves) and the status has moved at least once since
        // the kept answer: whichever batch that was, the next read may not be the kept one
        awaitProcessed(before, () -> stored("r-cache-2") != null
                && stored(first.value()).getList("details", Document.class).size() == 1);
        JsonNode after = board();
        assertThat(total(after)).isEqualTo(total(kept) + 1);
        assertThat(report(after, "r-cache-2").get("title").asText()).isEqualTo("Bus");
        assertThat(report(kept, first.value()).get("details")).isEmpty();
        assertThat(report(after, first.value()).get("details")).hasSize(1);
    }

    @Test
    void aReadWithCacheControlNoCacheIsComputedFromTheView() {
        TrackingToken before = position();
        submit(new ProblemReportId("r-cache-3"), "Wohnen", T0.plusSeconds(600));
        awaitProcessed(before, () -> stored("r-cache-3") != null);
        http.as("leser").get("/api/problem-reports?unit=Amt%2050");
        double missesBefore = misses();
        Http.Response response = http.as("leser").header("Cache-Control", "no-cache").get("/api/problem-reports?unit=Amt%2050");
        assertThat(response.status()).isEqualTo(200);
        assertThat(misses()).isEqualTo(missesBefore);
        // computed, not looked up: the lookups (hits and misses) did not count it; the next plain read is a hit
        double hitsBefore = hits();
        http.as("leser").get("/api/problem-reports?unit=Amt%2050");
        assertThat(hits()).isEqualTo(hitsBefore + 1);
    }

    private static void submit(ProblemReportId id, String title, Instant at) {
        store.publish(new GenericDomainEventMessage<>("ProblemReport", id.value(), 0, new ProblemReportSubmitted(id, title,
                "Beschreibung", "Amt 50", Set.of(PolicyField.LANGUAGE), "anna.amt50", at)));
    }

    private static JsonNode board() {
        Http.Response response = http.as("leser").get("/api/problem-reports");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode report(JsonNode page, String id) {
        for (JsonNode report : page.get("data")) {
            if (report.get("id").asText().equals(id)) {
                return report;
            }
        }
        throw new AssertionError(id + " is not on the page: " + page);
    }

    private static long total(JsonNode page) {
        return page.at("/pagination/totalElements").asLong();
    }

    private static TrackingToken position() {
        return board.processingStatus().get(0).getTrackingToken();
    }

    /** Until the view holds what is expected and the processor's status has moved on since {@code before}. */
    private static void awaitProcessed(TrackingToken before, Callable<Boolean> inView) {
        await().atMost(PATIENCE).until(() -> inView.call() && !Objects.equals(position(), before));
    }

    private static Document stored(String reportId) {
        return mongo.getCollection("problem_board").find(new Document("_id", reportId)).first();
    }

    private static double hits() {
        return meters.get("cache.gets").tag("cache", "view-answers").tag("result", "hit").functionCounter().count();
    }

    private static double misses() {
        return meters.get("cache.gets").tag("cache", "view-answers").tag("result", "miss").functionCounter().count();
    }
}
