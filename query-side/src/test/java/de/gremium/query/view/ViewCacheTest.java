package de.gremium.query.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * When a kept answer may be served: only while every processor of its views runs here with all its
 * segments on the very tokens it was computed after, and no dead-letter retry wrote a view since.
 */
class ViewCacheTest {

    private record Query(String name) {
    }

    private static final Query WORK_PLAN = new Query("work plan 2026");

    /** Processors as the cache sees them: running, in error, and the segments held here with their tokens. */
    private final Map<String, StreamingEventProcessor> processors = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, EventTrackerStatus>> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger computed = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private ViewCache cache;

    @BeforeEach
    void processorsOfTwoViewsRunHereOnOneSegmentEach() {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        for (String group : new String[] {"work-plan", "project-ideas"}) {
            StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
            when(processor.isRunning()).thenReturn(true);
            statuses.put(group, new ConcurrentHashMap<>(Map.of(0, status(Segment.ROOT_SEGMENT, token(1)))));
            when(processor.processingStatus()).thenAnswer(call -> Map.copyOf(statuses.get(group)));
            when(processing.eventProcessor(group, StreamingEventProcessor.class)).thenReturn(Optional.of(processor));
            processors.put(group, processor);
        }
        cache = new ViewCache(processing, new SimpleMeterRegistry(), 100, Duration.ofSeconds(1), nanos::get);
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void anAnswerIsKeptWhileNoProcessorOfItsViewsMovedOn() {
        assertThat(read()).isEqualTo("answer 1");
        assertThat(read()).isEqualTo("answer 1");
        assertThat(computed).hasValue(1);
    }

    @Test
    void anAnswerIsComputedAgainOnceAnyProcessorOfItsViewsMovedOn() {
        read();
        advance("project-ideas", token(2));
        assertThat(read()).isEqualTo("answer 2");
        assertThat(read()).isEqualTo("answer 2");
        assertThat(computed).hasValue(2);
    }

    @Test
    void anEqualTokenIsAsGoodAsTheSameOneAsAfterAProcessorRestartedWhereItWas() {
        read();
        advance("work-plan", token(1));
        assertThat(read()).isEqualTo("answer 1");
    }

    @Test
    void anAnswerComputedWhileABatchCommittedIsNotServedAfterTheCommit() {
        // the batch's writes land while the answer is computed; its token reaches the status afterwards
        assertThat(cache.<String>answer(WORK_PLAN, () -> {
            String answer = compute().get();
            advance("work-plan", token(2));
            return answer;
        }, "work-plan", "project-ideas")).isEqualTo("answer 1");
        assertThat(read()).isEqualTo("answer 2");
    }

    @Test
    void anAnswerOlderThanTheMaxAgeIsComputedAgainEvenIfNoProcessorMovedOn() {
        read();
        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(read()).isEqualTo("answer 1");
        nanos.addAndGet(Duration.ofMillis(2).toNanos());
        assertThat(read()).isEqualTo("answer 2");
    }

    @Test
    void aDeadLetterRetryMakesEveryKeptAnswerStale() {
        read();
        cache.viewsChanged();
        assertThat(read()).isEqualTo("answer 2");
        assertThat(read()).isEqualTo("answer 2");
    }

    @Test
    void nothingIsKeptWhileAProcessorIsStoppedOrInError() {
        when(processors.get("work-plan").isRunning()).thenReturn(false);
        read();
        read();
        assertThat(computed).hasValue(2);

        when(processors.get("work-plan").isRunning()).thenReturn(true);
        when(processors.get("work-plan").isError()).thenReturn(true);
        read();
        read();
        assertThat(computed).hasValue(4);

        when(processors.get("work-plan").isError()).thenReturn(false);
        EventTrackerStatus failing = status(Segment.ROOT_SEGMENT, token(1));
        when(failing.isErrorState()).thenReturn(true);
        statuses.get("work-plan").put(0, failing);
        read();
        read();
        assertThat(computed).hasValue(6);
    }

    @Test
    void nothingIsKeptWhileAnotherInstanceHoldsASegment() {
        Segment[] halves = Segment.ROOT_SEGMENT.split();
        statuses.get("project-ideas").clear();
        statuses.get("project-ideas").put(0, status(halves[0], token(1)));
        read();
        read();
        assertThat(computed).hasValue(2);

        // both halves here again: kept
        statuses.get("project-ideas").put(1, status(halves[1], token(1)));
        read();
        read();
        assertThat(computed).hasValue(3);
    }

    @Test
    void aRequestWithCacheControlNoCacheIsAnsweredFromTheViewsAndItsAnswerKept() {
        read();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Cache-Control", "no-cache");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        assertThat(read()).isEqualTo("answer 2");
        RequestContextHolder.resetRequestAttributes();
        assertThat(read()).isEqualTo("answer 2");
        assertThat(computed).hasValue(2);
    }

    @Test
    void differentQueriesAreKeptApart() {
        assertThat(read()).isEqualTo("answer 1");
        assertThat(cache.<String>answer(new Query("work plan 2027"), compute(), "work-plan")).isEqualTo("answer 2");
        assertThat(cache.<String>answer(new Query("work plan " + 2026), compute(), "work-plan", "project-ideas"))
                .isEqualTo("answer 1");
    }

    @Test
    void withoutEntriesEveryReadIsComputed() {
        ViewCache off = new ViewCache(mock(EventProcessingConfiguration.class), new SimpleMeterRegistry(), 0,
                Duration.ofMinutes(10));
        off.answer(WORK_PLAN, compute(), "work-plan");
        off.answer(WORK_PLAN, compute(), "work-plan");
        assertThat(computed).hasValue(2);
    }

    private String read() {
        return cache.answer(WORK_PLAN, compute(), "work-plan", "project-ideas");
    }

    private Supplier<String> compute() {
        return () -> "answer " + computed.incrementAndGet();
    }

    private void advance(String group, TrackingToken token) {
        statuses.get(group).put(0, status(Segment.ROOT_SEGMENT, token));
    }

    private static TrackingToken token(long index) {
        return new GlobalSequenceTrackingToken(index);
    }

    private static EventTrackerStatus status(Segment segment, TrackingToken token) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getSegment()).thenReturn(segment);
        when(status.getTrackingToken()).thenReturn(token);
        return status;
    }
}
