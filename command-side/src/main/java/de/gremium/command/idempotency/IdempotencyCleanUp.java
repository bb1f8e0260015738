package de.gremium.command.idempotency;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Removes the idempotency records older than {@code gremium.idempotency.retention}, every
 * {@code gremium.idempotency.clean-up-interval}. (An expired record no longer holds its key even before it is
 * removed: the next claim overwrites it.)
 */
class IdempotencyCleanUp {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanUp.class);

    private final IdempotencyRecords records;
    private final Clock clock;
    private final Duration retention;

    IdempotencyCleanUp(IdempotencyRecords records, Clock clock, Duration retention) {
        this.records = records;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${gremium.idempotency.clean-up-interval:PT1H}",
            initialDelayString = "${gremium.idempotency.clean-up-interval:PT1H}")
    void removeExpired() {
        int removed = records.removeExpired(clock.instant().minus(retention));
        if (removed > 0) {
            log.info("removed {} idempotency records older than {}", removed, retention);
        }
    }
}
