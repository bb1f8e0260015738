package de.gremium.query.view;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The answers of the busiest reads (work plan, problem board, trace), kept until a view they read changes.
 *
 * <p>Every write to a view comes from its processor's handlers, and a tracking processor moves the token in
 * its status only after the batch that wrote has committed (Axon's {@code TrackingEventProcessor}: the
 * status advances after the unit of work). So an answer computed after reading the tokens of its views'
 * processors stays right for as long as those tokens are the same objects (or equal ones): the stamp is
 * read <em>before</em> the answer is computed, so an answer that saw part of a batch is stamped with the
 * token before it and is never served once the batch has committed. The only other writer of a view is a
 * dead-letter retry, which hands parked events to the same handlers without moving a token; it calls
 * {@link #viewsChanged()}.
 *
 * <p>An answer is not kept (the read goes to the store, as without the cache) while a processor it depends
 * on does not run here with all its segments: stopped, in error, being reset, or with a segment claimed by
 * another instance of the query side, whose writes this instance would not see in its statuses. A request
 * with {@code Cache-Control: no-cache} is answered from the store too, and its answer kept for the next.
 *
 * <p>An answer is also computed again once it is older than {@code gremium.query.view-cache.max-age} (1 s):
 * a bound on how long a kept answer could outlive a view change by a path this class does not know of
 * (a writer other than the processors), at the price of one computation per answer and second.
 */
@Component
public class ViewCache {

    /** What the API documents of the endpoints whose answers are kept. */
    public static final String API_NOTE = "the answer is kept until a view it reads changes (at most "
            + "gremium.query.view-cache.max-age, 1 s); Cache-Control: no-cache has it computed from the views.";

    /**
     * What an answer was computed from: each processor's tokens, in order, and the retries until then. Equal
     * stamps (a record's equality; a token's equals checks identity first, the common case) mean nothing
     * changed since.
     */
    private record Stamp(long changesOutsideProcessors, List<TrackingToken> tokens) {
    }

    private record Answer(Stamp stamp, Object value) {
    }

    private final EventProcessingConfiguration processing;
    private final Cache<Object, Answer> answers;
    private final boolean enabled;
    private final AtomicLong changesOutsideProcessors = new AtomicLong();

    @Autowired
    ViewCache(EventProcessingConfiguration processing, MeterRegistry meters,
            @Value("${gremium.query.view-cache.max-entries}") long maxEntries,
            @Value("${gremium.query.view-cache.max-age}") Duration maxAge) {
        this(processing, meters, maxEntries, maxAge, Ticker.systemTicker());
    }

    ViewCache(EventProcessingConfiguration processing, MeterRegistry meters, long maxEntries, Duration maxAge, Ticker ticker) {
        this.processing = processing;
        this.enabled = maxEntries > 0 && !maxAge.isNegative() && !maxAge.isZero();
        this.answers = Caffeine.newBuilder().maximumSize(Math.max(maxEntries, 0)).expireAfterWrite(maxAge).ticker(ticker)
                .recordStats().build();
        CaffeineCacheMetrics.monitor(meters, answers, "view-answers");
    }

    /**
     * The answer to {@code query} (a record: its equality is the cache key) over the views of the given
     * processing groups: the kept one if none of them changed since it was computed, else a new one.
     */
    @SuppressWarnings("unchecked")
    public <R> R answer(Object query, Supplier<R> compute, String... processingGroups) {
        if (!enabled) {
            return compute.get();
        }
        Stamp now = stamp(processingGroups);
        if (now == null) {
            return compute.get();
        }
        if (!noCacheRequested()) {
            Answer kept = answers.getIfPresent(query);
            if (kept != null && kept.stamp().equals(now)) {
                return (R) kept.value();
            }
        }
        R computed = compute.get();
        answers.put(query, new Answer(now, computed));
        return computed;
    }

    /** A view changed without a processor moving on (a dead-letter retry): no kept answer is served again. */
    public void viewsChanged() {
        changesOutsideProcessors.incrementAndGet();
        answers.invalidateAll();
    }

    /** Null when an answer over these views must not be kept (see the class comment). */
    private Stamp stamp(String... processingGroups) {
        // read before the tokens: a retry that ends while they are read leaves this stamp behind
        long changesSoFar = changesOutsideProcessors.get();
        List<TrackingToken> tokens = new ArrayList<>(processingGroups.length);
        for (String group : processingGroups) {
            Optional<StreamingEventProcessor> processor = processing.eventProcessor(group, StreamingEventProcessor.class);
            if (processor.isEmpty() || !processor.get().isRunning() || processor.get().isError()) {
                return null;
            }
            Map<Integer, EventTrackerStatus> segments = processor.get().processingStatus();
            double held = 0;
            for (EventTrackerStatus status : segments.values()) {
                if (status.isErrorState()) {
                    return null;
                }
                held += 1.0 / (status.getSegment().getMask() + 1);
                tokens.add(status.getTrackingToken());
            }
            // masks are powers of two less one, so the fractions add up exactly
            if (held != 1.0) {
                return null;
            }
        }
        return new Stamp(changesSoFar, tokens);
    }

    private static boolean noCacheRequested() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String cacheControl = request.getHeader(HttpHeaders.CACHE_CONTROL);
            return cacheControl != null && cacheControl.toLowerCase(Locale.ROOT).contains("no-cache");
        }
        return false;
    }
}
