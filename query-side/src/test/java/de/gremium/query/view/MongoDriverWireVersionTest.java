package de.gremium.query.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoIncompatibleDriverException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.connection.ServerDescription;
import de.gremium.embedded.EmbeddedViewServer;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The zero-setup default keeps the views in the embedded view server (mongo-java-server), which speaks MongoDB's wire
 * protocol at version 8 (MongoDB 4.0). MongoDB's drivers raise the oldest server they talk to from time to time; a
 * driver that no longer accepts version 8 would leave the launcher and every view test without a view store. The
 * driver's version is therefore pinned ({@code mongodb.version} in the root pom), and this test shakes hands with the
 * embedded server to say so before an upgrade of the pin lands.
 */
class MongoDriverWireVersionTest {

    /** What mongo-java-server (the version in the root pom) reports as its maxWireVersion. */
    private static final int EMBEDDED_SERVER_WIRE_VERSION = 8;

    private static final String ADVICE = "The MongoDB driver on the classpath needs a server of wire version %d (MongoDB %s) "
            + "or newer, but the embedded view server speaks wire version %d. Keep mongodb.version in the root pom at a "
            + "driver that still accepts it, or replace the embedded view server.";

    @Test
    void theDriverAcceptsTheWireVersionOfTheEmbeddedViewServer() {
        assertThat(ServerDescription.MIN_DRIVER_WIRE_VERSION)
                .withFailMessage(ADVICE, ServerDescription.MIN_DRIVER_WIRE_VERSION, ServerDescription.MIN_DRIVER_SERVER_VERSION,
                        EMBEDDED_SERVER_WIRE_VERSION)
                .isLessThanOrEqualTo(EMBEDDED_SERVER_WIRE_VERSION);
    }

    @Test
    void theDriverShakesHandsWithTheEmbeddedViewServerAndReadsAndWrites() {
        try (EmbeddedViewServer server = EmbeddedViewServer.inMemory(0);
                MongoClient client = MongoClients.create(MongoClientSettings.builder()
                        .applyConnectionString(new ConnectionString(server.connectionString()))
                        .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                        .build())) {
            Document pong;
            try {
                pong = client.getDatabase("handshake").runCommand(new Document("ping", 1));
            } catch (MongoIncompatibleDriverException e) {
                throw new AssertionError(String.format(ADVICE, ServerDescription.MIN_DRIVER_WIRE_VERSION,
                        ServerDescription.MIN_DRIVER_SERVER_VERSION, EMBEDDED_SERVER_WIRE_VERSION) + " (" + e.getMessage() + ")", e);
            }

            assertThat(pong.get("ok", Number.class).intValue()).isEqualTo(1);
            assertThat(client.getClusterDescription().getServerDescriptions())
                    .singleElement()
                    .satisfies(description -> assertThat(description.getMaxWireVersion())
                            .as("the embedded view server's wire version").isEqualTo(EMBEDDED_SERVER_WIRE_VERSION));
            client.getDatabase("handshake").getCollection("views").insertOne(new Document("_id", "a").append("n", 1));
            assertThat(client.getDatabase("handshake").getCollection("views").find().first()).containsEntry("n", 1);
        }
    }
}
