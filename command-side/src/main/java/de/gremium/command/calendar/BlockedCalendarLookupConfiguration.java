package de.gremium.command.calendar;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarFetchSettings.class)
class BlockedCalendarLookupConfiguration {

    /**
     * The lookup is updated in the thread of the command, right after its events were stored, so that
     * the next sync and the planner see it at once. A failing update fails the request instead of being
     * logged away: the sync can simply be repeated, since every update is an idempotent upsert.
     */
    @Bean
    ConfigurerModule blockedCalendarLookupProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(BlockedAppointmentLookup.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(BlockedAppointmentLookup.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance()));
    }
}
