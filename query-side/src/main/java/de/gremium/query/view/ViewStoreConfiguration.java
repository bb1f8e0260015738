package de.gremium.query.view;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.gremium.platform.web.StoreOutage;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/**
 * The views' MongoDB ({@link ViewStoreProperties}). Boot's Mongo auto-configuration backs off for the client and
 * the database factory defined here and builds the {@code MongoTemplate} with its mapping (and the views' indexes,
 * {@code spring.data.mongodb.auto-index-creation}) on them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ViewStoreProperties.class)
class ViewStoreConfiguration {

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(ViewStoreProperties views) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(views.uri()))
                // a store that is away fails a request within this (503), instead of holding its thread for 30 s
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        views.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .build());
    }

    @Bean
    MongoDatabaseFactory mongoDatabaseFactory(MongoClient client, ViewStoreProperties views) {
        return new SimpleMongoClientDatabaseFactory(client, views.database());
    }

    /** The health contributor {@code viewStore}, part of {@code /actuator/health}. */
    @Bean
    ViewStoreHealthIndicator viewStoreHealthIndicator(MongoClient client, ViewStoreProperties views) {
        return new ViewStoreHealthIndicator(client, views.database());
    }

    /**
     * Checks the views' baseline when Axon starts, before the event processors do (they start in
     * {@link Phase#INBOUND_EVENT_CONNECTORS}); a failure (a store away) fails the start.
     */
    @Bean
    ConfigurerModule viewStoreBaselineCheck(ViewStoreBaseline baseline) {
        return configurer -> configurer.onInitialize(config -> config.onStart(Phase.LOCAL_MESSAGE_HANDLER_REGISTRATIONS,
                () -> baseline.ensure(config.eventProcessingConfiguration().eventProcessors().keySet().stream()
                        .filter(name -> !name.equals(ErasedViews.GROUP)).toList())));
    }

    /**
     * The processor that rebuilds the views after an erasure ({@link ErasedViews}): one thread, one event per batch, its
     * token in the record, from the record's head when it starts for the first time (a new view store is built from
     * the record anyway); a failing rebuild stops and retries instead of being logged away or parked.
     */
    @Bean
    ConfigurerModule erasedViewsProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(ErasedViews.GROUP, org.axonframework.config.Configuration::eventStore,
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(1)
                                .andInitialSegmentsCount(1)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerListenerInvocationErrorHandler(ErasedViews.GROUP, config -> PropagatingErrorHandler.instance()));
    }

    /**
     * The query bus as Axon's auto-configuration builds it, but without a transaction of the record: every query
     * handler here reads the views (and a handler that reads stored events, such as an {@code asOf} view, lets
     * Axon's storage engine open its own short transactions). With the record's transaction manager each query
     * held a pooled PostgreSQL connection for as long as it waited for MongoDB, and 32 readers queued for the
     * pool's 20 connections (a quarter of a request thread's time in the benchmark).
     */
    @Bean
    SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .transactionManager(NoTransactionManager.instance())
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    @Bean
    StoreOutage viewStoreOutage() {
        return new ViewStoreOutage();
    }
}
