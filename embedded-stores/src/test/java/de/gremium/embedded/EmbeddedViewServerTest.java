package de.gremium.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The views' store of the zero-setup default keeps its views across a clean stop, and none after an unclean one. */
class EmbeddedViewServerTest {

    @TempDir
    Path dir;

    @Test
    void viewsWrittenBeforeACleanStopAreThereAfterTheNextStart() {
        try (EmbeddedViewServer server = EmbeddedViewServer.onDisk(dir, 0)) {
            write(server, "kept");
        }
        assertThat(dir.resolve(EmbeddedViewServer.OPEN_MARKER)).doesNotExist();
        try (EmbeddedViewServer server = EmbeddedViewServer.onDisk(dir, 0)) {
            assertThat(read(server)).isEqualTo(1);
        }
    }

    @Test
    void aStoreThatWasNotStoppedCleanlyIsSetAsideAndTheViewsStartEmpty() throws Exception {
        try (EmbeddedViewServer server = EmbeddedViewServer.onDisk(dir, 0)) {
            write(server, "possibly behind its token");
        }
        // what a killed JVM leaves: the store file and the marker that says it was open
        Files.writeString(dir.resolve(EmbeddedViewServer.OPEN_MARKER), "open\n");

        try (EmbeddedViewServer server = EmbeddedViewServer.onDisk(dir, 0)) {
            assertThat(read(server)).isZero();
            assertThat(dir.resolve(EmbeddedViewServer.STORE_FILE + ".unclean")).exists();
        }
        assertThat(dir.resolve(EmbeddedViewServer.STORE_FILE + ".unclean")).as("set aside until the next clean stop")
                .doesNotExist();
    }

    @Test
    void itListensOnLoopbackOnly() {
        try (EmbeddedViewServer server = EmbeddedViewServer.inMemory(0)) {
            assertThat(server.connectionString()).startsWith("mongodb://127.0.0.1:");
        }
    }

    private static void write(EmbeddedViewServer server, String value) {
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("gremium").getCollection("problem_board").insertOne(new Document("_id", value));
        }
    }

    private static long read(EmbeddedViewServer server) {
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> board = client.getDatabase("gremium").getCollection("problem_board");
            return board.countDocuments();
        }
    }
}
