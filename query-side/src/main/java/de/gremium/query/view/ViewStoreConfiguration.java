package de.gremium.query.view;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.gremium.platform.web.StoreOutage;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
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
                () -> baseline.ensure(config.eventProcessingConfiguration().eventProcessors().keySet())));
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
