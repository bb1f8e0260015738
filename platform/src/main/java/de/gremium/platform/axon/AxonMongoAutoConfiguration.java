package de.gremium.platform.axon;

import com.mongodb.client.MongoClient;
import de.gremium.platform.store.GremiumMongoProperties;
import de.gremium.platform.store.MongoStoreAutoConfiguration;
import java.time.Duration;
import java.util.List;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Axon's event store, token store and saga store on MongoDB, wired by hand because the extension's
 * Spring Boot starter does not fit Boot 3.5 (see docs/adr/0001-mongodb-event-store.md).
 */
@AutoConfiguration(after = MongoStoreAutoConfiguration.class, before = AxonAutoConfiguration.class)
public class AxonMongoAutoConfiguration {

    @Bean
    MongoTemplate axonMongoTemplate(MongoClient client, GremiumMongoProperties properties) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, properties.database()).build();
    }

    /**
     * One document per event (a commit of several events would stall tracking processors), with a
     * look-back window that tolerates events becoming visible slightly out of timestamp order, and
     * appends of this process ordered by timestamp ({@link OrderedAppendStorageEngine}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate,
            @Qualifier("eventSerializer") Serializer eventSerializer, Serializer serializer,
            ObjectProvider<EventUpcaster> upcasters,
            @Value("${gremium.events.look-back:250ms}") Duration lookBack,
            @Value("${gremium.events.batch-size:1000}") int batchSize,
            @Value("${gremium.mongodb.server-selection-timeout:5s}") Duration selectionTimeout) {
        List<EventUpcaster> chain = upcasters.orderedStream().toList();
        return new OrderedAppendStorageEngine(MongoEventStorageEngine.builder()
                .mongoTemplate(axonMongoTemplate)
                .storageStrategy(new DocumentPerEventStorageStrategy(EventEntryConfiguration.getDefault(), lookBack))
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(new EventUpcasterChain(chain))
                .batchSize(batchSize)
                .build(), java.time.Clock.systemUTC(), selectionTimeout);
    }

    /**
     * A processor in another process is never told about new events, so it polls; the default
     * second of Axon's would make a view lag by up to a second.
     */
    @Bean
    EventStore eventStore(EventStorageEngine eventStorageEngine,
            @Value("${gremium.events.fetch-delay:50ms}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(eventStorageEngine)
                .fetchDelay(fetchDelay.toMillis())
                .build();
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    @Bean
    CorrelationDataProvider gremiumCorrelationDataProvider() {
        return new GremiumCorrelationDataProvider();
    }
}
