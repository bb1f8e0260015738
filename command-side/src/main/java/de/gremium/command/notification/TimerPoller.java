package de.gremium.command.notification;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Looks for due timers every {@code gremium.notifications.poll-interval}, on a thread of its own. Stops with the
 * application, before the record's connections close: a round under way is finished, none is started after. Off with
 * {@code gremium.notifications.timers.enabled=false} (tests that fire timers themselves).
 */
class TimerPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TimerPoller.class);

    private final DueTimers dueTimers;
    private final NotificationProperties settings;
    private final Clock clock;
    private ThreadPoolTaskScheduler scheduler;
    private volatile boolean running;

    TimerPoller(DueTimers dueTimers, NotificationProperties settings, Clock clock) {
        this.dueTimers = dueTimers;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("notification-timers-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(30);
        scheduler.initialize();
        running = true;
        scheduler.scheduleWithFixedDelay(this::poll, settings.pollInterval());
    }

    private void poll() {
        if (!running) {
            return;
        }
        try {
            int handled = dueTimers.fireDue(clock.instant());
            if (handled > 0) {
                log.info("handled {} due notification timers", handled);
            }
        } catch (RuntimeException e) {
            log.warn("Looking for due notification timers failed; trying again in {}: {}", settings.pollInterval(), e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
