package de.gremium.platform.axon;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import org.axonframework.common.Assert;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;

/**
 * axon-mongo's tracking token with a lower and upper bound that Axon 4.13's replays can use.
 *
 * <p>Axon 4.13's {@code ReplayToken} decides whether a replayed event was handled before the reset by
 * {@code tokenAtReset.lowerBound(newToken).samePositionAs(newToken)}. {@link MongoTrackingToken#lowerBound}
 * is the intersection of the two tokens' tracked event ids, empty for tokens of different moments, and
 * an empty token is never at the position of another. So every replayed event counted as new: handlers
 * were told it was no replay, and {@code tokenAtReset.upperBound(newToken)} merged its id into the reset
 * token, which grew by one entry per event (a replay of N events cost N²; at some hundred thousand events
 * the token would outgrow a MongoDB document). Reported upstream as AxonFramework#4453 (fixed after 4.13.0)
 * and extension-mongo#9/#498.
 *
 * <p>Here the bounds first ask {@link #covers}: the lower bound of a token and one it covers is that one,
 * the upper bound is itself; only for tokens neither of which covers the other are axon-mongo's bounds
 * taken. {@link OrderedAppendStorageEngine} hands out only tokens of this class; it still reads plain
 * tokens stored before.
 */
public class ReplaySafeMongoToken extends MongoTrackingToken {

    private static final long serialVersionUID = 1L;

    // a token never changes: the oldest and newest timestamps of its events are computed once (not stored)
    private transient volatile boolean boundsKnown;
    private transient long oldest;
    private transient long newest;

    protected ReplaySafeMongoToken(long timestamp, Map<String, Long> trackedEvents) {
        super(timestamp, trackedEvents);
    }

    @JsonCreator
    public static ReplaySafeMongoToken from(@JsonProperty("timestamp") Instant timestamp,
            @JsonProperty("trackedEvents") Map<String, Long> trackedEvents) {
        return new ReplaySafeMongoToken(timestamp.toEpochMilli(), trackedEvents);
    }

    /** This class's token for a Mongo token; any other token as it is. */
    public static TrackingToken replaySafe(TrackingToken token) {
        if (token instanceof MongoTrackingToken mongo && !(token instanceof ReplaySafeMongoToken)) {
            return new ReplaySafeMongoToken(mongo.getTimestamp().toEpochMilli(), mongo.getTrackedEvents());
        }
        return token;
    }

    /** The message with its token made replay-safe. */
    static TrackedEventMessage<?> replaySafe(TrackedEventMessage<?> message) {
        TrackingToken token = message.trackingToken();
        TrackingToken safe = replaySafe(token);
        if (safe == token) {
            return message;
        }
        if (message instanceof DomainEventMessage<?> domain) {
            return new GenericTrackedDomainEventMessage<>(safe, domain);
        }
        return new GenericTrackedEventMessage<>(safe, message);
    }

    /**
     * As {@link MongoTrackingToken#covers}, with the same answer, without its pass over this token's events
     * on every call, and, when every event of the other token is older than this one's oldest, without a
     * pass over the other's either. A replay asks this several times per event (whether the event was
     * handled before the reset, whether the replay is over), of a reset token and the replay's token that
     * each hold the ids of their look-back window, hundreds after a bulk load: it was a third of the
     * replaying thread's time.
     */
    @Override
    public boolean covers(TrackingToken other) {
        Assert.isTrue(other instanceof MongoTrackingToken, () -> "Incompatible token type provided.");
        MongoTrackingToken token = (MongoTrackingToken) other;
        if (token.getTimestamp().toEpochMilli() > getTimestamp().toEpochMilli()) {
            return false;
        }
        long oldest = oldestTracked();
        long theirNewest = token instanceof ReplaySafeMongoToken safe ? safe.newestTracked() : newest(token.getTrackedEvents());
        if (theirNewest < oldest) {
            return true;
        }
        Map<String, Long> mine = getTrackedEvents();
        for (Map.Entry<String, Long> event : token.getTrackedEvents().entrySet()) {
            if (!mine.containsKey(event.getKey()) && event.getValue() >= oldest) {
                return false;
            }
        }
        return true;
    }

    /** The timestamp of the oldest tracked event, 0 without any (as MongoTrackingToken#covers takes it). */
    private long oldestTracked() {
        knowBounds();
        return oldest;
    }

    private long newestTracked() {
        knowBounds();
        return newest;
    }

    private void knowBounds() {
        if (!boundsKnown) {
            oldest = getTrackedEvents().values().stream().mapToLong(Long::longValue).min().orElse(0L);
            newest = newest(getTrackedEvents());
            boundsKnown = true;
        }
    }

    private static long newest(Map<String, Long> trackedEvents) {
        return trackedEvents.values().stream().mapToLong(Long::longValue).max().orElse(Long.MIN_VALUE);
    }

    @Override
    public TrackingToken lowerBound(TrackingToken other) {
        if (covers(other)) {
            return replaySafe(other);
        }
        if (other.covers(this)) {
            return this;
        }
        return replaySafe(super.lowerBound(other));
    }

    @Override
    public TrackingToken upperBound(TrackingToken other) {
        if (covers(other)) {
            return this;
        }
        if (other.covers(this)) {
            return replaySafe(other);
        }
        return replaySafe(super.upperBound(other));
    }
}
