package de.gremium.query.report;

import de.gremium.events.monitoring.FetchAdvisoryCouncilReport;
import java.time.Clock;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Answers the advisory council report from the event store itself, not from a view: one pass over all
 * stored events, folded by {@link AdvisoryCouncilReportFold}. A report is asked for a few times a year,
 * so a pass (whose cost grows with the store, not with the period) is cheaper than a projection kept up
 * to date for it, and it can never disagree with the events.
 */
@Component
class AdvisoryCouncilReportQueries {

    private final EventStorageEngine events;
    private final Clock clock;

    @Autowired
    AdvisoryCouncilReportQueries(EventStorageEngine events) {
        this(events, Clock.systemUTC());
    }

    AdvisoryCouncilReportQueries(EventStorageEngine events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @QueryHandler
    AdvisoryCouncilReport handle(FetchAdvisoryCouncilReport query) {
        AdvisoryCouncilReportFold fold = new AdvisoryCouncilReportFold(query.from(), query.to());
        try (Stream<? extends TrackedEventMessage<?>> stored = events.readEvents(null, false)) {
            stored.forEach(fold::accept);
        }
        return fold.result(clock.instant());
    }
}
