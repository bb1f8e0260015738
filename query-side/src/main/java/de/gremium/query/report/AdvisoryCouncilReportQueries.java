package de.gremium.query.report;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.gremium.events.monitoring.FetchAdvisoryCouncilReport;
import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Answers the advisory council report from the event store itself, not from a view: one pass over all
 * stored events, folded by {@link AdvisoryCouncilReportFold}, so it can never disagree with the events. The
 * pass costs time linear in the record, so its result is kept in a Caffeine cache keyed by the period and the
 * record's head position: as long as nothing new is stored, a report is answered without reading the record,
 * and concurrent callers of the same period and position wait for one pass instead of making one each.
 */
@Component
class AdvisoryCouncilReportQueries {

    /** Caffeine specification used when {@code gremium.reports.advisory-council.cache} is not set. */
    static final String DEFAULT_CACHE = "maximumSize=32,expireAfterWrite=10m";

    private final EventStorageEngine events;
    private final Clock clock;
    private final Cache<Key, AdvisoryCouncilReport> reports;

    @Autowired
    AdvisoryCouncilReportQueries(EventStorageEngine events,
            @Value("${gremium.reports.advisory-council.cache:" + DEFAULT_CACHE + "}") String cacheSpec) {
        this(events, Clock.systemUTC(), cacheSpec);
    }

    AdvisoryCouncilReportQueries(EventStorageEngine events, Clock clock) {
        this(events, clock, DEFAULT_CACHE);
    }

    AdvisoryCouncilReportQueries(EventStorageEngine events, Clock clock, String cacheSpec) {
        this.events = events;
        this.clock = clock;
        this.reports = Caffeine.from(cacheSpec).build();
    }

    @QueryHandler
    AdvisoryCouncilReport handle(FetchAdvisoryCouncilReport query) {
        Key key = new Key(query.from(), query.to(), headPosition());
        AdvisoryCouncilReport report = reports.get(key, this::fold);
        // the content is what a pass would give now (same position); only the moment of the answer is new
        return report.generatedAt(clock.instant());
    }

    private AdvisoryCouncilReport fold(Key key) {
        AdvisoryCouncilReportFold fold = new AdvisoryCouncilReportFold(key.from(), key.to());
        try (Stream<? extends TrackedEventMessage<?>> stored = events.readEvents(null, false)) {
            stored.forEach(fold::accept);
        }
        return fold.result(clock.instant());
    }

    /** The global position of the newest stored event, −1 for an empty record. */
    private long headPosition() {
        TrackingToken head = events.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** A report of one period as of one state of the record. */
    private record Key(LocalDate from, LocalDate to, long position) {
    }
}
