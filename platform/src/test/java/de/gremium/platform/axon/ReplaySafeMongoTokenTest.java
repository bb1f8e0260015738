package de.gremium.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * A replay with Axon 4.13's ReplayToken over axon-mongo's tokens: 2,000 stored events replayed after a
 * reset at the head of the store.
 */
class ReplaySafeMongoTokenTest {

    private static final Duration LOOK_BACK = Duration.ofMillis(250);
    private static final Instant START = Instant.parse("2026-11-01T10:00:00Z");
    private static final int EVENTS = 2_000;

    /** The tokens a processor gets when it reads the store from the start: one event every 10 ms. */
    private static TrackingToken replay(Function<MongoTrackingToken, TrackingToken> asHandedOut, ReplayCheck check) {
        MongoTrackingToken head = MongoTrackingToken.of(START.plusMillis(10L * (EVENTS - 1)), Map.of());
        for (int n = EVENTS - 30; n < EVENTS; n++) {
            head = head.advanceTo(START.plusMillis(10L * n), "event-" + n, LOOK_BACK);
        }
        TrackingToken token = ReplayToken.createReplayToken(asHandedOut.apply(head), null);
        MongoTrackingToken read = null;
        for (int n = 0; n < EVENTS; n++) {
            read = read == null ? MongoTrackingToken.of(START, Map.of("event-0", START.toEpochMilli()))
                    : read.advanceTo(START.plusMillis(10L * n), "event-" + n, LOOK_BACK);
            token = ((ReplayToken) token).advancedTo(asHandedOut.apply(read));
            check.after(n, token);
        }
        // a replay ends with the first event stored after the reset (ReplayToken.isStrictlyAfter)
        read = read.advanceTo(START.plusMillis(10L * EVENTS), "event-after-the-reset", LOOK_BACK);
        return ((ReplayToken) token).advancedTo(asHandedOut.apply(read));
    }

    interface ReplayCheck {
        void after(int n, TrackingToken token);
    }

    @Test
    void withAxonMongosOwnTokensEveryReplayedEventCountsAsNewAndTheResetTokenGrowsByOneIdPerEvent() {
        // documents AxonFramework#4453 as it is in 4.13.0; when an upgrade fixes it, this fails and the workaround can go
        replay(token -> token, (n, token) -> {
            if (n > 0 && n < EVENTS - 30) {
                assertThat(ReplayToken.isReplay(token)).as("event %d is a replay", n).isFalse();
            }
        });
        TrackingToken beforeTheEnd = replay(token -> token, (n, token) -> { });
        assertThat(beforeTheEnd).isNotInstanceOf(ReplayToken.class);
        ReplayToken late = (ReplayToken) replayUntil(token -> token, EVENTS - 40);
        assertThat(((MongoTrackingToken) late.getTokenAtReset()).getTrackedEvents()).hasSizeGreaterThan(EVENTS - 100);
    }

    @Test
    void withReplaySafeTokensEveryReplayedEventIsAReplayTheResetTokenStaysAsItWasAndTheReplayEndsAtTheHead() {
        TrackingToken end = replay(ReplaySafeMongoToken::replaySafe, (n, token) -> {
            if (n < EVENTS - 1) {
                assertThat(ReplayToken.isReplay(token)).as("event %d is a replay", n).isTrue();
                assertThat(((MongoTrackingToken) ((ReplayToken) token).getTokenAtReset()).getTrackedEvents())
                        .as("the reset token after event %d", n).hasSize(26);
            }
        });
        assertThat(end).as("after the first event stored after the reset").isNotInstanceOf(ReplayToken.class)
                .isInstanceOf(ReplaySafeMongoToken.class);
    }

    @Test
    void aReplaySafeTokenCoversExactlyTheTokensAxonMongosOwnCovers() {
        java.util.Random random = new java.util.Random(3);
        List<MongoTrackingToken> tokens = new java.util.ArrayList<>();
        for (int t = 0; t < 300; t++) {
            Map<String, Long> events = new java.util.HashMap<>();
            int size = random.nextInt(4) == 0 ? 0 : random.nextInt(12);
            for (int e = 0; e < size; e++) {
                events.put("event-" + random.nextInt(20), START.toEpochMilli() + random.nextInt(40));
            }
            long newest = events.values().stream().mapToLong(Long::longValue).max().orElse(START.toEpochMilli());
            tokens.add(MongoTrackingToken.of(Instant.ofEpochMilli(newest + random.nextInt(3)), events));
        }
        int covered = 0;
        for (MongoTrackingToken a : tokens) {
            for (MongoTrackingToken b : tokens) {
                boolean expected = a.covers(b);
                TrackingToken safeA = ReplaySafeMongoToken.replaySafe(a);
                assertThat(safeA.covers(b)).as("%s covers %s", a, b).isEqualTo(expected);
                assertThat(safeA.covers(ReplaySafeMongoToken.replaySafe(b))).as("%s covers %s", a, b).isEqualTo(expected);
                covered += expected ? 1 : 0;
            }
        }
        assertThat(covered).as("pairs that cover and pairs that do not").isBetween(1_000, 80_000);
    }

    @Test
    void aReplaySafeTokenIsStoredAndReadBackWithTheAppsSerializer() {
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();
        TrackingToken token = ReplaySafeMongoToken.replaySafe(MongoTrackingToken.of(START, Map.of("a", START.toEpochMilli(),
                "b", START.toEpochMilli() + 1)));
        SerializedObject<byte[]> stored = serializer.serialize(token, byte[].class);
        TrackingToken read = serializer.deserialize(stored);
        assertThat(read).isInstanceOf(ReplaySafeMongoToken.class).isEqualTo(token);
        assertThat(((MongoTrackingToken) read).getTrackedEvents()).containsOnlyKeys("a", "b");
    }

    private static TrackingToken replayUntil(Function<MongoTrackingToken, TrackingToken> asHandedOut, int last) {
        TrackingToken[] at = new TrackingToken[1];
        replay(asHandedOut, (n, token) -> {
            if (n == last) {
                at[0] = token;
            }
        });
        return at[0];
    }
}
