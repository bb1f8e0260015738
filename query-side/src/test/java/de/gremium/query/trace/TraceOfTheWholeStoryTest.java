package de.gremium.query.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.gremium.events.recommendation.FetchRecommendationTrace;
import de.gremium.query.ViewStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The trace of {@link TraceStory}, as the API writes it, compared with the answer kept in
 * {@code src/test/resources/trace/}: the answer the trace gave before its links were typed, so that a change to how
 * nodes are stored or linked shows here as a difference in what a reader gets.
 */
class TraceOfTheWholeStoryTest {

    /** Times as ISO strings, as the app's mapper writes them. */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private ViewStore store;
    private TraceProjection projection;
    private TraceQueries queries;
    private Instant beforeTheDecision;

    @BeforeEach
    void setUp() {
        store = ViewStore.open();
        projection = new TraceProjection(store.mongo());
        queries = new TraceQueries(store.mongo(), Clock.fixed(Instant.parse("2026-12-24T12:00:00Z"), ZoneOffset.UTC));
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

    private JsonNode answer(Instant asOf) {
        RecommendationTrace trace = queries.handle(new FetchRecommendationTrace(TraceStory.RECOMMENDATION, asOf)).orElseThrow();
        return JSON.valueToTree(trace);
    }

    private static JsonNode kept(String file) {
        try (InputStream in = TraceOfTheWholeStoryTest.class.getResourceAsStream("/trace/" + file)) {
            assertThat(in).as("src/test/resources/trace/" + file).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
