package de.gremium.query.audit;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit processor, configured here rather than in query-side.properties because its shape is
 * part of the chain's correctness: the chain is one global order, so the processor runs exactly one
 * segment on exactly one thread.
 */
@Configuration(proxyBeanMethods = false)
class AuditLogConfiguration {

    static final int BATCH_SIZE = 100;

    /**
     * A pooled streaming processor from the start of the store. A failing handler fails the batch
     * instead of being logged away (Axon's default for event handlers), because a skipped event
     * would be a hole in the chain; the processor retries, and every handler call is idempotent.
     */
    @Bean
    ConfigurerModule auditLogProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(AuditLogProjection.GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        (config, builder) -> builder
                                .initialSegmentCount(1)
                                .maxClaimedSegments(1)
                                .batchSize(BATCH_SIZE)
                                .workerExecutor(singleThread(config, "WorkPackage[" + AuditLogProjection.GROUP + "]")))
                .registerListenerInvocationErrorHandler(AuditLogProjection.GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }

    private static ScheduledExecutorService singleThread(org.axonframework.config.Configuration config, String name) {
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(1, new AxonThreadFactory(name));
        config.onShutdown(executor::shutdown);
        return executor;
    }
}
