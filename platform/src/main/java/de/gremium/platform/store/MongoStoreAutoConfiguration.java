package de.gremium.platform.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/**
 * One {@link MongoClient} for everything (events, tokens, sagas, views): a real MongoDB when
 * {@code MONGODB_URI} is set, otherwise the embedded server. Boot's own Mongo configuration backs
 * off because these beans exist.
 */
@AutoConfiguration(before = {MongoAutoConfiguration.class, MongoDataAutoConfiguration.class})
@EnableConfigurationProperties(GremiumMongoProperties.class)
public class MongoStoreAutoConfiguration {

    /** Present only on the embedded default; released when the context closes. */
    @Bean(destroyMethod = "release")
    EmbeddedMongoServerHandle embeddedMongoServer(GremiumMongoProperties properties) {
        return properties.useEmbedded()
                ? new EmbeddedMongoServerHandle(EmbeddedMongoServer.acquire(properties.embedded()))
                : new EmbeddedMongoServerHandle(null);
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(GremiumMongoProperties properties, EmbeddedMongoServerHandle embedded,
            @Value("${gremium.mongodb.server-selection-timeout:5s}") java.time.Duration selectionTimeout) {
        ConnectionString uri = new ConnectionString(embedded.server() == null
                ? properties.uri() : embedded.server().connectionString());
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(uri)
                // fail fast when the store is away instead of hanging a request thread for 30 s
                .applyToClusterSettings(c -> c.serverSelectionTimeout(selectionTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .build();
        return MongoClients.create(settings);
    }

    @Bean
    MongoDatabaseFactory mongoDatabaseFactory(MongoClient client, GremiumMongoProperties properties) {
        return new SimpleMongoClientDatabaseFactory(client, properties.database());
    }

    @Bean
    Durability durability(EmbeddedMongoServerHandle embedded) {
        return embedded.server() == null ? Durability.acknowledgedWritesAreDurable() : embedded.server()::flush;
    }

    @Bean
    StoreHealthIndicator storeHealthIndicator(MongoClient client, GremiumMongoProperties properties) {
        return new StoreHealthIndicator(client, properties);
    }

    /** Lets "no embedded server" be a bean too, so that configuration stays free of nulls elsewhere. */
    public record EmbeddedMongoServerHandle(EmbeddedMongoServer server) {
        void release() {
            if (server != null) {
                server.release();
            }
        }
    }
}
