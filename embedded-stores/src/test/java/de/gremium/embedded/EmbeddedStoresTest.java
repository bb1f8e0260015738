package de.gremium.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder of the zero-setup default. */
class EmbeddedStoresTest {

    @TempDir
    Path dataDir;

    @Test
    void aFolderWrittenByTheEarlierVersionIsRefusedWithWhatToDoAndLeftUntouched() throws Exception {
        byte[] formerEvents = "H:2,block:4,blockSize:1000,...events of the earlier version".getBytes();
        Path former = Files.write(dataDir.resolve("gremium.mv"), formerEvents);
        FileTime modified = Files.getLastModifiedTime(former);

        assertThatThrownBy(() -> EmbeddedStores.start(dataDir, 0, 0, "gremium"))
                .isInstanceOf(EmbeddedStores.FormerDataFolderException.class)
                .hasMessageContaining(dataDir.toAbsolutePath().normalize().toString())
                .hasMessageContaining("GREMIUM_DATA_DIR")
                .hasMessageContaining("leaves it untouched");

        assertThat(Files.readAllBytes(former)).isEqualTo(formerEvents);
        assertThat(Files.getLastModifiedTime(former)).isEqualTo(modified);
        try (var entries = Files.list(dataDir)) {
            assertThat(entries).containsExactly(former);
        }
    }

    @Test
    void aNewFolderGetsBothStoresAndTheirArgumentsForBothSides() {
        try (EmbeddedStores stores = EmbeddedStores.start(dataDir, 0, 0, "gremium")) {
            assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();
            assertThat(dataDir.resolve("views").resolve(EmbeddedViewServer.STORE_FILE)).exists();
            assertThat(stores.arguments()).anySatisfy(a -> assertThat(a).startsWith("--spring.datasource.url=jdbc:postgresql://127.0.0.1:")
                    .endsWith("/gremium"))
                    .anySatisfy(a -> assertThat(a).startsWith("--gremium.mongodb.uri=mongodb://127.0.0.1:"));
        }
    }

    @Test
    void withRealServersConfiguredNothingIsStarted() {
        try (EmbeddedStores stores = EmbeddedStores.start(dataDir, -1, -1, "gremium")) {
            assertThat(stores.postgres()).isEmpty();
            assertThat(stores.views()).isEmpty();
            assertThat(stores.arguments()).isEmpty();
        }
    }
}
