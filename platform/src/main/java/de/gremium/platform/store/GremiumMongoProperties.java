package de.gremium.platform.store;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

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
     * @param cacheSize megabytes of the store file's pages kept read (H2's page cache); 0 for the default.
     *                 Pages outside it are read from the file and deserialised again on every access.
     */
    public record Embedded(Path dataDir, int port, boolean inMemory, int cacheSize) {

        /** H2's default is 16 MB, a few thousand events; a replay of a larger store re-read every page. */
        public static final int DEFAULT_CACHE_SIZE = 128;

        @ConstructorBinding
        public Embedded {
            dataDir = dataDir == null ? Path.of("data") : dataDir;
            cacheSize = cacheSize <= 0 ? DEFAULT_CACHE_SIZE : cacheSize;
        }

        public Embedded(Path dataDir, int port, boolean inMemory) {
            this(dataDir, port, inMemory, 0);
        }
    }
}
