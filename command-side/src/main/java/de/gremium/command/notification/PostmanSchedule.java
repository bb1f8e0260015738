package de.gremium.command.notification;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Every {@code gremium.notifications.poll-interval} (after the first such wait): the letters older than the retention
 * go, then the weekly digests that are due are composed, then the letters that are due are sent. On Spring's scheduler, which stops with the application (a round in flight finishes the
 * letter it is sending: {@code spring.task.scheduling.shutdown.*} in command-side.properties). Off with
 * {@code gremium.notifications.postman.enabled=false} (tests that send by hand).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "gremium.notifications.postman.enabled", havingValue = "true", matchIfMissing = true)
class PostmanSchedule implements SchedulingConfigurer {

    private final WeeklyDigest digest;
    private final Postman postman;
    private final Duration interval;

    PostmanSchedule(WeeklyDigest digest, Postman postman, NotificationProperties properties) {
        this.digest = digest;
        this.postman = postman;
        this.interval = properties.pollInterval();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::round, interval, interval));
    }

    void round() {
        postman.clearOut();
        digest.composeDue();
        postman.deliverDue();
    }
}
