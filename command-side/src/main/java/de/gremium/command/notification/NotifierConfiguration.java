package de.gremium.command.notification;

import java.time.Clock;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotifierConfiguration {

    /**
     * The notifier is a tracking processor of its own, one thread, its token in the record: the letters an event causes
     * are written in the same transaction as the token that moves past it, so they are added once. At its first start
     * it begins at the record's head (nobody is told of the past); an error is retried, never skipped.
     */
    @Bean
    ConfigurerModule notificationsProcessor(TransactionManager axonTransactionManager) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(Notifier.PROCESSING_GROUP, configuration -> configuration.eventStore(),
                        configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerTransactionManager(Notifier.PROCESSING_GROUP, configuration -> axonTransactionManager)
                .registerListenerInvocationErrorHandler(Notifier.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance())
                .registerErrorHandler(Notifier.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance()));
    }

    @Bean
    @ConditionalOnProperty(name = "gremium.notifications.timers.enabled", havingValue = "true", matchIfMissing = true)
    TimerPoller notificationTimerPoller(DueTimers dueTimers, NotificationProperties settings, Clock clock) {
        return new TimerPoller(dueTimers, settings, clock);
    }
}
