package de.gremium.platform.store;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health of the store by {@code ping}, which both MongoDB and the embedded server answer (Boot's own
 * indicator sends {@code hello}, which the embedded server does not know).
 */
public class StoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;
    private final GremiumMongoProperties properties;

    public StoreHealthIndicator(MongoClient client, GremiumMongoProperties properties) {
        super("store health check failed");
        this.client = client;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        client.getDatabase(properties.database()).runCommand(new Document("ping", 1));
        builder.up().withDetail("store", properties.useEmbedded() ? "embedded" : "mongodb")
                .withDetail("database", properties.database());
    }
}
