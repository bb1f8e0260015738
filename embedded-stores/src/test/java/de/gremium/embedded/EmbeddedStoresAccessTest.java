package de.gremium.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may read the zero-setup default's data: the folder and its files are its owner's only, and the record's
 * PostgreSQL asks for the password generated at the first start, also on a folder an earlier version left without one.
 */
class EmbeddedStoresAccessTest {

    @TempDir
    Path dir;

    @Test
    void aNewDataFolderIsItsOwnersOnlyAndTheRecordAsksForThePasswordKeptInIt() throws Exception {
        Path dataDir = dir.resolve("data");
        try (EmbeddedStores stores = EmbeddedStores.start(dataDir, 0, 0, "gremium")) {
            EmbeddedPostgresServer postgres = stores.postgres().orElseThrow();

            assertThat(permissions(dataDir)).isEqualTo("rwx------");
            assertThat(permissions(dataDir.resolve("postgres"))).as("initdb's cluster folder").isEqualTo("rwx------");
            assertThat(permissions(dataDir.resolve("views"))).isEqualTo("rwx------");
            assertThat(permissions(dataDir.resolve("postgres.password"))).isEqualTo("rw-------");
            assertThat(permissions(dataDir.resolve("postgres.log"))).isEqualTo("rw-------");
            assertThat(Files.readString(dataDir.resolve("postgres.password")).trim()).isEqualTo(postgres.password())
                    .hasSizeGreaterThanOrEqualTo(32);
            assertThat(stores.arguments()).contains("--spring.datasource.password=" + postgres.password());

            assertRefused(postgres, "");
            assertRefused(postgres, "postgres");
            assertThat(query(postgres, postgres.password(), "SELECT 'in'")).isEqualTo("in");
        }
    }

    @Test
    void aFolderOfAnEarlierVersionWithoutAPasswordKeepsItsRecordAndGetsOne() throws Exception {
        Path dataDir = dir.resolve("data");
        Files.createDirectories(dataDir);
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port = freePort();
        // as Gremium did before: zonky's initdb (trust), no password
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).setPort(port).start();
                Connection connection = earlier.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (value TEXT)");
            statement.execute("INSERT INTO kept VALUES ('from the earlier version')");
        }

        String password;
        try (EmbeddedStores stores = EmbeddedStores.start(dataDir, port, -1, "gremium")) {
            EmbeddedPostgresServer postgres = stores.postgres().orElseThrow();
            password = postgres.password();
            assertThat(query(postgres, password, "SELECT value FROM kept")).isEqualTo("from the earlier version");
            assertRefused(postgres, "");
            assertThat(permissions(dataDir)).isEqualTo("rwx------");
        }
        try (EmbeddedStores again = EmbeddedStores.start(dataDir, port, -1, "gremium")) {
            EmbeddedPostgresServer postgres = again.postgres().orElseThrow();
            assertThat(postgres.password()).as("the password kept from the first start").isEqualTo(password);
            assertThat(query(postgres, password, "SELECT value FROM kept")).isEqualTo("from the earlier version");
            assertRefused(postgres, "");
        }
    }

    private static void assertRefused(EmbeddedPostgresServer postgres, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl("postgres"), EmbeddedPostgresServer.USER,
                password).close()).as("a connection with the password '%s'", password).isInstanceOf(SQLException.class);
    }

    private static String query(EmbeddedPostgresServer postgres, String password, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), EmbeddedPostgresServer.USER,
                password); Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
