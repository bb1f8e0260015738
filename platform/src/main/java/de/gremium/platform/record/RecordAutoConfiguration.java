package de.gremium.platform.record;

import de.gremium.platform.axon.GremiumCorrelationDataProvider;
import de.gremium.platform.privacy.PersonalDataKeys;
import de.gremium.platform.privacy.PersonalDataSerializer;
import de.gremium.platform.web.StoreOutage;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.config.Configuration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * The record in PostgreSQL through Axon Framework's own JDBC components: events and snapshots
 * ({@link JdbcEventStorageEngine}, one global sequence, gap-aware tracking tokens), tokens
 * ({@link JdbcTokenStore}, segments claimed with an owner and a timeout) and sagas, all inside Spring's
 * transactions. The schema is Flyway's ({@code db/migration}); table and column names are {@link RecordSchema}'s.
 * Dead-letter queues are registered by the query side per processing group, on the same tables' settings.
 */
@AutoConfiguration(
        after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                FlywayAutoConfiguration.class},
        before = {JdbcAutoConfiguration.class, AxonAutoConfiguration.class})
@EnableConfigurationProperties(RecordProperties.class)
public class RecordAutoConfiguration {

    /** Fails the start, before any bean is made, when no record is configured (see MissingRecordFailureAnalyzer). */
    @Bean
    static BeanFactoryPostProcessor recordConfigured(Environment environment) {
        return beanFactory -> {
            String url = environment.getProperty("spring.datasource.url");
            if (url == null || url.isBlank()) {
                throw new MissingRecordFailureAnalyzer.MissingRecord();
            }
        };
    }

    /**
     * Everything Axon writes to the record and reads back (events, snapshots, tokens, sagas, dead letters) goes
     * through one Jackson 2 serializer, {@link StoredJson}, in the settings the stored rows were written with.
     * Declared here for all three of Axon's serializer roles, so that Axon's auto-configuration never builds one
     * (it would fall back to XStream, which is not on the classpath, or take whichever ObjectMapper it finds).
     * Personal data in events and the acting user in metadata are encrypted on the way, each with its person's key
     * ({@link PersonalDataSerializer}, docs/adr/0007-crypto-shredding.md): from the first event written.
     */
    @Bean
    @Primary
    Serializer serializer(PersonalDataKeys personalDataKeys) {
        return new PersonalDataSerializer(StoredJson.serializer(), personalDataKeys);
    }

    /** The keys personal data is encrypted with, in the record's table {@code personal_data_key}, on its transaction. */
    @Bean
    @DependsOnDatabaseInitialization
    PersonalDataKeys personalDataKeys(DataSource dataSource) {
        return new PersonalDataKeys(dataSource);
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    /**
     * Axon's units of work run in Spring's transactions, so that an event append, the token update of the batch
     * that handled it and anything written beside them (an idempotency record, a command-side lookup) commit
     * together or not at all. Declared here rather than left to Axon's auto-configuration, whose ordering names
     * Spring Boot classes that moved between Boot versions (it then falls back to no transactions at all).
     *
     * <p>Nested: a unit of work inside another one's transaction (a policy's command, sent while the causing
     * command's events are handled; any command of a request that runs in the transaction of its
     * Idempotency-Key) gets a savepoint of its own. Its failure then undoes its own writes only, as it did
     * before the record had transactions, instead of dooming the whole transaction.
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager,
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
    }

    /**
     * The connection of the current Spring transaction (created only after Flyway migrated the schema). Not
     * wrapped in Axon's {@code UnitOfWorkAwareConnectionProviderWrapper}, as Axon's auto-configuration does: that
     * wrapper rolls back the connection itself when a unit of work rolls back, which undoes the whole
     * surrounding transaction (a keyed request's claim, a command whose policy failed) instead of the unit of
     * work's savepoint. Every unit of work here runs in a Spring transaction, which already binds one
     * connection to it.
     */
    @Bean
    @DependsOnDatabaseInitialization
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /**
     * A unique-key violation (SQLState 23505) is a concurrent append to the same aggregate sequence, so a
     * {@code ConcurrencyException}. Axon's default resolver knows only {@code SQLIntegrityConstraintViolationException},
     * which the PostgreSQL driver never throws: without this, a conflict surfaced as an internal error.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    @Bean
    EventStorageEngine eventStorageEngine(ConnectionProvider connectionProvider, TransactionManager transactionManager,
            @Qualifier("eventSerializer") Serializer eventSerializer, Serializer serializer,
            PersistenceExceptionResolver persistenceExceptionResolver, Configuration configuration, RecordProperties record) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(RecordSchema.events())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .batchSize(record.batchSize())
                .gapTimeout(Math.toIntExact(record.gapTimeout().toMillis()))
                .gapCleaningThreshold(record.gapCleaningThreshold())
                .build();
    }

    /**
     * A processor in another process is never told about new events, so the store is polled; Axon's default
     * second would make every view of another process lag by up to a second.
     */
    @Bean
    EventStore eventStore(EventStorageEngine eventStorageEngine, RecordProperties record) {
        return EmbeddedEventStore.builder()
                .storageEngine(eventStorageEngine)
                .fetchDelay(record.fetchDelay().toMillis())
                .build();
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, RecordProperties record) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(RecordSchema.tokens())
                .serializer(serializer)
                .claimTimeout(record.claimTimeout())
                .build();
    }

    @Bean
    SagaStore<Object> sagaStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcSagaStore.builder()
                .connectionProvider(connectionProvider)
                .sqlSchema(new PostgresSagaSqlSchema(RecordSchema.sagas()))
                .serializer(serializer)
                .build();
    }

    @Bean
    CorrelationDataProvider gremiumCorrelationDataProvider() {
        return new GremiumCorrelationDataProvider();
    }

    @Bean
    StoreOutage recordOutage() {
        return new RecordOutage();
    }

    /** Reads the record's identity, which the views' store keeps to notice views built from another record. */
    @Bean
    RecordIdentity recordIdentity(DataSource dataSource) {
        return new RecordIdentity(dataSource);
    }
}
