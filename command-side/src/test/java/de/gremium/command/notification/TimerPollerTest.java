package de.gremium.command.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The poller looks for due timers on its own, every poll interval, and stops with the application. */
class TimerPollerTest {

    private static final NotificationProperties SETTINGS = new NotificationProperties(null, null, null, null, null, null, null,
            null, null, Duration.ofMillis(20), null, null, null);

    /** Counts the rounds instead of reading a record. */
    private static final class CountingTimers extends DueTimers {
        final AtomicInteger rounds = new AtomicInteger();

        CountingTimers() {
            super(null, null, null, null, SETTINGS, null);
        }

        @Override
        int fireDue(Instant now) {
            rounds.incrementAndGet();
            if (rounds.get() == 2) {
                throw new IllegalStateException("the record is away for a moment");
            }
            return 0;
        }
    }

    @Test
    void itLooksForDueTimersEveryIntervalGoesOnAfterAFailureAndStopsCleanly() {
        CountingTimers timers = new CountingTimers();
        TimerPoller poller = new TimerPoller(timers, SETTINGS, Clock.systemUTC());

        poller.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> timers.rounds.get() >= 4);
        poller.stop();
        int afterStop = timers.rounds.get();

        assertThat(poller.isRunning()).isFalse();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> timers.rounds.get() == afterStop);
    }
}
