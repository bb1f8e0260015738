package de.gremium.platform.store;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. With a {@code uri} (bound from {@code MONGODB_URI}) Gremium talks to a real
 * MongoDB; without one it starts the embedded wire-protocol server on {@code embedded.port}.
 *
 * @param uri      connection string of a real MongoDB; blank means "use the embedded server"
 * @param database database name for events, tokens, sagas and views
 * @param embedded settings of the embedded server
 */
@ConfigurationProperties("gremium.mongodb")
public record GremiumMongoProperties(String uri, String database, Embedded embedded) {

    public GremiumMongoProperties {
        database = (database == null || database.isBlank()) ? "gremium" : database;
        embedded = embedded == null ? new Embedded(null, 27777, false) : embedded;
    }

    public boolean useEmbedded() {
        return uri == null || uri.isBlank();
    }

    /**
     * @param dataDir  folder of the H2 MVStore file; ignored when {@code inMemory}
     * @param port     loopback port the server listens on (0 picks a free one)
     * @param inMemory keep nothing on disk (tests that do not test restarts)
     */
    public record Embedded(Path dataDir, int port, boolean inMemory) {
        public Embedded {
            dataDir = dataDir == null ? Path.of("data") : dataDir;
        }
    }
}
