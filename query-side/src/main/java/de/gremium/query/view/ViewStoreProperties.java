package de.gremium.query.view;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the views live ({@code gremium.mongodb.*}): a MongoDB of the query side's own. The record (events,
 * tokens, dead letters) is in PostgreSQL; everything here can be rebuilt from it.
 *
 * @param uri                    connection string ({@code MONGODB_URI}); required, there is no default store
 * @param database               the views' database ({@code GREMIUM_DATABASE}, default {@code gremium}); the query
 *                               side's alone, since a rebuild of the views empties every collection in it
 * @param serverSelectionTimeout how long a view read or write waits for a reachable server before it fails
 *                               (answered 503), instead of the driver's 30 s
 */
@ConfigurationProperties("gremium.mongodb")
public record ViewStoreProperties(String uri, String database, Duration serverSelectionTimeout) {

    public ViewStoreProperties {
        if (uri == null || uri.isBlank()) {
            throw new IllegalStateException("The query side has no view store: set MONGODB_URI (gremium.mongodb.uri) to "
                    + "the MongoDB that holds its views, e.g. mongodb://localhost:27017");
        }
        database = database == null || database.isBlank() ? "gremium" : database;
        serverSelectionTimeout = serverSelectionTimeout == null ? Duration.ofSeconds(5) : serverSelectionTimeout;
    }
}
