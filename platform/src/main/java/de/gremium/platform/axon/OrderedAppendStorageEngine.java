package de.gremium.platform.axon;

import com.mongodb.MongoTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Makes the events of this process become visible in the order of their timestamps.
 *
 * <p>MongoDB has no global sequence, so trackers read by timestamp. An event stamped earlier but
 * inserted later than others (two commands committing concurrently) is looked for within the
 * look-back window, but Axon's {@code MongoTrackingToken.covers} treats an event older than every
 * event the token still knows as already seen, and processors skip it: the view silently misses it
 * (seen in the benchmark, about one event in a few thousand under 8 concurrent clients). Appending
 * under one lock and stamping each event at append time, strictly increasing, removes the cause for
 * a single writing process. Several writing processes still depend on clock agreement and the
 * look-back window; see docs/adr/0001-mongodb-event-store.md.
 *
 * <p>Only live events are restamped: an event dated more than {@link #LIVE} away from now was dated
 * on purpose (an import, a migration, a test of history) and keeps its timestamp.
 *
 * <p>Every token it hands out is a {@link ReplaySafeMongoToken}, so that replays work with Axon 4.13.
 *
 * <p>While the store is away, the append holding the lock waits up to the driver's server-selection
 * timeout, and every other command would queue behind it, one timeout after another. So a command waits
 * for the lock at most {@code maxWait} (the same timeout) and otherwise fails as the driver would, with
 * a {@link MongoTimeoutException}, which the API answers with 503.
 */
public class OrderedAppendStorageEngine implements EventStorageEngine {

    static final Duration LIVE = Duration.ofMinutes(1);

    private final EventStorageEngine delegate;
    private final Clock clock;
    private final Duration maxWait;
    private final ReentrantLock appendLock = new ReentrantLock();
    private Instant lastStamp = Instant.EPOCH;

    public OrderedAppendStorageEngine(EventStorageEngine delegate, Clock clock, Duration maxWait) {
        this.delegate = delegate;
        this.clock = clock;
        this.maxWait = maxWait;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        acquire();
        try {
            List<EventMessage<?>> stamped = new ArrayList<>(events.size());
            for (EventMessage<?> event : events) {
                stamped.add(isLive(event) ? restamp(event, nextStamp()) : event);
            }
            delegate.appendEvents(stamped);
        } finally {
            appendLock.unlock();
        }
    }

    private void acquire() {
        try {
            if (appendLock.tryLock(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new MongoTimeoutException("Timed out after " + maxWait.toMillis() + " ms waiting for the event store: "
                + "the append before this one has not finished (is the store reachable?)");
    }

    private boolean isLive(EventMessage<?> event) {
        Instant now = clock.instant();
        return !event.getTimestamp().isBefore(now.minus(LIVE)) && !event.getTimestamp().isAfter(now.plus(LIVE));
    }

    /** Milliseconds, because that is what the stored timestamp keeps; strictly increasing. */
    private Instant nextStamp() {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        lastStamp = now.isAfter(lastStamp) ? now : lastStamp.plusMillis(1);
        return lastStamp;
    }

    private static EventMessage<?> restamp(EventMessage<?> event, Instant at) {
        if (event instanceof DomainEventMessage<?> domain) {
            return new GenericDomainEventMessage<>(domain.getType(), domain.getAggregateIdentifier(),
                    domain.getSequenceNumber(), domain.getPayload(), domain.getMetaData(), domain.getIdentifier(), at);
        }
        return new GenericEventMessage<>(event.getIdentifier(), event.getPayload(), event.getMetaData(), at);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock).map(ReplaySafeMongoToken::replaySafe);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return ReplaySafeMongoToken.replaySafe(delegate.createTailToken());
    }

    @Override
    public TrackingToken createHeadToken() {
        return ReplaySafeMongoToken.replaySafe(delegate.createHeadToken());
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return ReplaySafeMongoToken.replaySafe(delegate.createTokenAt(dateTime));
    }
}
