package de.gremium.query.view;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Whether the views' store answers, by {@code ping}. Boot's own Mongo indicator sends {@code hello}, which the
 * embedded view server (mongo-java-server 1.47) does not know: it would report a working store as down, so it is
 * switched off ({@code management.health.mongodb.enabled=false}).
 */
class ViewStoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;
    private final String database;

    ViewStoreHealthIndicator(MongoClient client, String database) {
        super("view store health check failed");
        this.client = client;
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        client.getDatabase(database).runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database);
    }
}
