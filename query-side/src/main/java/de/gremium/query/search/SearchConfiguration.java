package de.gremium.query.search;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;

/**
 * The search's processor, configured here rather than in query-side.properties because its shape is part of the
 * design (docs/adr/0005-search.md): the index is in this process's memory, so its token is too.
 *
 * <ul>
 * <li>An {@link InMemoryTokenStore} for this processing group alone: at every start the token is gone with the
 * index, and the processor reads the record from its first event; two query sides (scale-out) each claim their own
 * segment and each build a complete index. The other groups keep their tokens in the record.</li>
 * <li>No transaction of the record: the processor writes nothing there, so a batch holds no pooled connection.</li>
 * <li>A tracking processor, one thread, one segment, like the other views; batches of {@value #BATCH_SIZE}, since a
 * batch costs no round trip to a store.</li>
 * <li>A failing handler fails the batch, which the processor retries (no dead-letter queue: parked letters in the
 * record would outlive the index they belong to); the handlers apply each event once.</li>
 * </ul>
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    static final int BATCH_SIZE = 1000;

    @Bean
    ConfigurerModule searchProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTokenStore(SearchProjection.GROUP, config -> new InMemoryTokenStore())
                .registerTransactionManager(SearchProjection.GROUP, config -> NoTransactionManager.INSTANCE)
                .registerTrackingEventProcessor(SearchProjection.GROUP, Configuration::eventStore,
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(BATCH_SIZE)
                                .andInitialSegmentsCount(1))
                .registerListenerInvocationErrorHandler(SearchProjection.GROUP, config -> PropagatingErrorHandler.instance()));
    }

    /**
     * The processor that resets this process's index after an erasure ({@link ErasedSearchIndex}): like the index, its
     * token is in memory; it starts at the record's head, since the index is built from the record at every start.
     */
    @Bean
    ConfigurerModule erasedSearchProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTokenStore(ErasedSearchIndex.GROUP, config -> new InMemoryTokenStore())
                .registerTransactionManager(ErasedSearchIndex.GROUP, config -> NoTransactionManager.INSTANCE)
                .registerTrackingEventProcessor(ErasedSearchIndex.GROUP, Configuration::eventStore,
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(1)
                                .andInitialSegmentsCount(1)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerListenerInvocationErrorHandler(ErasedSearchIndex.GROUP, config -> PropagatingErrorHandler.instance()));
    }
}
