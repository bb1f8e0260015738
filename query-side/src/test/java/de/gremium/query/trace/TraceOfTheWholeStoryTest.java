package de.gremium.query.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.gremium.events.recommendation.FetchRecommendationTrace;
import de.gremium.query.ViewStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The trace of {@link TraceStory}, as the API writes it, compared with the answer kept in
 * {@code src/test/resources/trace/}: the answer the trace gave before its links were typed (less one step of another
 * recommendation, see the commit that typed them), so that a change to how nodes are stored or linked shows here as a
 * difference in what a reader gets. And the nodes as this version stores them, kept in the same place, read into the
 * same answer: nothing stored names an event class.
 */
class TraceOfTheWholeStoryTest {

    /** Times as ISO strings, as the app's mapper writes them. */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private static final Instant NOW = Instant.parse("2026-12-24T12:00:00Z");

    private ViewStore store;
    private TraceProjection projection;
    private TraceQueries queries;
    private Instant beforeTheDecision;

    @BeforeEach
    void setUp() {
        store = ViewStore.open();
        projection = new TraceProjection(store.mongo());
        queries = new TraceQueries(store.mongo(), Clock.fixed(NOW, ZoneOffset.UTC));
        beforeTheDecision = TraceStory.tell(message -> projection.on(message.getPayload(), message));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void theLiveTraceIsTheAnswerKeptInTheRepository() {
        assertThat(answer(null)).isEqualTo(kept("whole-story.json"));
    }

    @Test
    void theTraceAsOfAnInstantBeforeTheDecisionIsTheAnswerKeptInTheRepository() {
        assertThat(answer(beforeTheDecision)).isEqualTo(kept("whole-story-before-the-decision.json"));
    }

    @Test
    void anotherRecommendationOnAnotherItemOfTheMeetingIsNoStepOfTheChainThoughItAddressesTheSameReport() {
        JsonNode trace = answer(null);

        assertThat(trace.get("chain")).extracting(step -> step.get("aggregateId").asText()).doesNotContain("rec-2", "d-2");
        assertThat(trace.get("problemReports").get(1).get("history"))
                .as("the second report's history: submitted, addressed by this recommendation and by the other")
                .extracting(step -> step.get("eventId").asText()).containsExactly("e-02", "e-33", "e-38");
    }

    @Test
    void theNodesStoreTheirStepAndNoEventClassName() {
        List<Document> stored = store.mongo().getCollection("trace_nodes").find().into(new ArrayList<>());

        assertThat(stored).as("one node per event of the story").hasSize(43).allSatisfy(node -> {
            assertThat(node).doesNotContainKey("eventType");
            assertThat(node.getString("step")).isIn(Arrays.stream(TraceStep.values()).map(Enum::name).toList());
        });
        assertThat(eventClassNamesIn(new Document("trace_nodes", stored).toJson())).isEmpty();
    }

    @Test
    void nodesStoredByThisVersionReadIntoTheSameTraceWhateverTheEventClassesAreCalled() throws IOException {
        String kept = new String(resource("whole-story.nodes.json").readAllBytes(), StandardCharsets.UTF_8);
        assertThat(eventClassNamesIn(kept)).as("class names in the stored nodes").isEmpty();
        JsonNode live = answer(null);

        try (ViewStore storedBefore = ViewStore.open()) {
            storedBefore.mongo().getCollection("trace_nodes").insertMany(Document.parse(kept).getList("trace_nodes", Document.class));
            TraceQueries reading = new TraceQueries(storedBefore.mongo(), Clock.fixed(NOW, ZoneOffset.UTC));
            JsonNode fromStoredNodes = JSON.valueToTree(reading.handle(new FetchRecommendationTrace(TraceStory.RECOMMENDATION,
                    null)).orElseThrow());

            assertThat(fromStoredNodes).as("the trace from the nodes kept in src/test/resources/trace/whole-story.nodes.json; "
                    + "if what the projection stores changed on purpose, bump ViewStoreBaseline.VIEWS_VERSION and keep the "
                    + "nodes it stores now").isEqualTo(live);
        }
    }

    /** The simple names of the traced event classes (as they are called now) that occur in the text. */
    private static List<String> eventClassNamesIn(String text) {
        return Arrays.stream(TraceStep.values()).map(TraceStep::eventType).filter(text::contains).toList();
    }

    private JsonNode answer(Instant asOf) {
        RecommendationTrace trace = queries.handle(new FetchRecommendationTrace(TraceStory.RECOMMENDATION, asOf)).orElseThrow();
        return JSON.valueToTree(trace);
    }

    private static JsonNode kept(String file) {
        try (InputStream in = resource(file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String file) {
        InputStream in = TraceOfTheWholeStoryTest.class.getResourceAsStream("/trace/" + file);
        assertThat(in).as("src/test/resources/trace/" + file).isNotNull();
        return in;
    }
}
