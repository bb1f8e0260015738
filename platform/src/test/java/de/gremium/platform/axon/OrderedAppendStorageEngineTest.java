package de.gremium.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoTimeoutException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.junit.jupiter.api.Test;

class OrderedAppendStorageEngineTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** Records what reaches the store, in the order it gets there. */
    static class RecordingEngine implements EventStorageEngine {
        final List<EventMessage<?>> stored = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            stored.addAll(events);
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
            return Stream.empty();
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return DomainEventStream.empty();
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return Optional.empty();
        }
    }

    private static DomainEventMessage<String> event(String aggregate, Instant createdAt) {
        return new GenericDomainEventMessage<>("Report", aggregate, 0, "payload", java.util.Map.of("userId", "anna"),
                "id-" + aggregate, createdAt);
    }

    @Test
    void eventsReachTheStoreWithStrictlyIncreasingTimestampsEvenWhenCreatedOutOfOrderByConcurrentCommands() throws Exception {
        RecordingEngine store = new RecordingEngine();
        OrderedAppendStorageEngine engine = new OrderedAppendStorageEngine(store, Clock.systemUTC(), WAIT);
        ExecutorService writers = Executors.newFixedThreadPool(8);
        Instant created = Instant.now();
        for (int i = 0; i < 2_000; i++) {
            int n = i;
            // stamped when "applied", in an order that has nothing to do with the order of appending
            writers.submit(() -> engine.appendEvents(List.of(event("r-" + n, created.minusMillis(n % 97)))));
        }
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(store.stored).hasSize(2_000);
        for (int i = 1; i < store.stored.size(); i++) {
            assertThat(store.stored.get(i).getTimestamp()).isAfter(store.stored.get(i - 1).getTimestamp());
        }
    }

    @Test
    void whileAnAppendHangsInAnUnreachableStoreTheNextCommandGivesUpAfterTheWaitInsteadOfQueueing() throws Exception {
        CountDownLatch inStore = new CountDownLatch(1);
        CountDownLatch storeBack = new CountDownLatch(1);
        RecordingEngine hanging = new RecordingEngine() {
            @Override
            public void appendEvents(List<? extends EventMessage<?>> events) {
                inStore.countDown();
                try {
                    storeBack.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.appendEvents(events);
            }
        };
        OrderedAppendStorageEngine engine = new OrderedAppendStorageEngine(hanging, Clock.systemUTC(), Duration.ofMillis(200));
        ExecutorService first = Executors.newSingleThreadExecutor();
        try {
            Future<?> stuck = first.submit(() -> engine.appendEvents(List.of(event("r-1", Instant.now()))));
            assertThat(inStore.await(5, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            assertThatThrownBy(() -> engine.appendEvents(List.of(event("r-2", Instant.now()))))
                    .isInstanceOf(MongoTimeoutException.class).hasMessageContaining("200 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(150), Duration.ofSeconds(3));

            storeBack.countDown();
            stuck.get(5, TimeUnit.SECONDS);
            engine.appendEvents(List.of(event("r-3", Instant.now())));
            assertThat(hanging.stored).extracting(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier())
                    .containsExactly("r-1", "r-3");
        } finally {
            storeBack.countDown();
            first.shutdownNow();
        }
    }

    @Test
    void aRestampedEventKeepsItsIdentityPayloadMetadataAndPlaceInTheAggregate() {
        RecordingEngine store = new RecordingEngine();
        Instant now = Instant.parse("2026-11-24T12:00:00.123456Z");
        new OrderedAppendStorageEngine(store, Clock.fixed(now, ZoneOffset.UTC), WAIT)
                .appendEvents(List.of(event("r-1", now.minusSeconds(1))));
        DomainEventMessage<?> stored = (DomainEventMessage<?>) store.stored.get(0);
        assertThat(stored.getIdentifier()).isEqualTo("id-r-1");
        assertThat(stored.getAggregateIdentifier()).isEqualTo("r-1");
        assertThat(stored.getSequenceNumber()).isZero();
        assertThat(stored.getPayload()).isEqualTo("payload");
        assertThat(stored.getMetaData()).containsEntry("userId", "anna");
        assertThat(stored.getTimestamp()).isEqualTo(Instant.parse("2026-11-24T12:00:00.123Z"));
    }

    @Test
    void anEventDatedOnPurposeLongBeforeNowKeepsItsTimestamp() {
        RecordingEngine store = new RecordingEngine();
        Instant now = Instant.parse("2026-11-24T12:00:00Z");
        Instant historic = Instant.parse("2025-03-04T12:00:00Z");
        new OrderedAppendStorageEngine(store, Clock.fixed(now, ZoneOffset.UTC), WAIT).appendEvents(List.of(event("r-1", historic)));
        assertThat(store.stored.get(0).getTimestamp()).isEqualTo(historic);
    }

    /**
     * Why the ordering matters: a token that has delivered later-stamped events claims to cover an
     * earlier-stamped one that becomes visible afterwards, inside the look-back window, so a processor
     * skips it. This documents the behaviour of axon-mongo 4.12 that the ordered append works around.
     */
    @Test
    void aMongoTrackingTokenClaimsToCoverALateEventOlderThanEveryEventItKnows() {
        Duration lookBack = Duration.ofMillis(250);
        Instant t0 = Instant.parse("2026-11-24T23:03:04.000Z");
        MongoTrackingToken delivered = MongoTrackingToken.of(t0.plusMillis(40), "B").advanceTo(t0.plusMillis(61), "C", lookBack);
        MongoTrackingToken late = delivered.advanceTo(t0, "A", lookBack);
        assertThat(t0).isAfter(delivered.getTimestamp().minus(lookBack));
        assertThat(delivered.covers(late)).isTrue();
    }
}
