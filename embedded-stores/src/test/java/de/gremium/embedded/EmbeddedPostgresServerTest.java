package de.gremium.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL of the zero-setup default: durable, on loopback, kept, and never left running. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path dir;

    @Test
    void aDurableServerListensOnLoopbackOnlyAndSyncsEveryCommit() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir.resolve("postgres"), 0, true)) {
            assertThat(setting(server, "fsync")).isEqualTo("on");
            assertThat(setting(server, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(server, "full_page_writes")).isEqualTo("on");
            assertThat(setting(server, "listen_addresses")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void whatWasCommittedIsThereAfterARestartOnTheSameFolder() throws Exception {
        int port = freePort();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir.resolve("postgres"), port, true)) {
            server.createDatabaseIfMissing("gremium");
            execute(server, "CREATE TABLE kept (value TEXT)", "INSERT INTO kept VALUES ('before the restart')");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir.resolve("postgres"), port, true)) {
            server.createDatabaseIfMissing("gremium"); // exists: nothing happens
            assertThat(query(server, "SELECT value FROM kept")).isEqualTo("before the restart");
        }
    }

    @Test
    void aServerLeftRunningByAKilledJvmIsStoppedBeforeTheNextStart() throws Exception {
        Path folder = dir.resolve("postgres");
        int port = freePort();
        Process holder = startHolder(folder, port);
        long orphanPid;
        try {
            orphanPid = EmbeddedPostgresServer.postmaster(folder).orElseThrow().pid();
        } finally {
            holder.destroyForcibly(); // kill -9: nothing of the JVM's runs, its PostgreSQL stays
            holder.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("the orphan").contains(true);

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder, port, true)) {
            assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive)).as("the orphan after the start").isEmpty();
            assertThat(query(server, "SELECT 'answering'", "postgres")).isEqualTo("answering");
        }
        assertThat(EmbeddedPostgresServer.postmaster(folder)).as("a server left running after close").isEmpty();
    }

    @Test
    void aFolderWhoseServerBelongsToAnotherLiveProcessIsRefusedAndItsServerLeftAlone() throws Exception {
        Path folder = dir.resolve("postgres");
        Process holder = startHolder(folder, freePort());
        try {
            long pid = EmbeddedPostgresServer.postmaster(folder).orElseThrow().pid();
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(folder, freePort(), true))
                    .hasMessageContaining("in use by another running Gremium").hasMessageContaining(folder.toString());
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
        } finally {
            Optional<ProcessHandle> postmaster = EmbeddedPostgresServer.postmaster(folder);
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
            postmaster.ifPresent(ProcessHandle::destroy);
            if (postmaster.isPresent()) {
                postmaster.get().onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** A JVM of its own that starts the server and keeps it; returns once the server answers. */
    static Process startHolder(Path folder, int port) throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PostgresHolder.class.getName(), folder.toString(),
                Integer.toString(port)).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("ready ")) {
                // keep draining, so the child never blocks on a full pipe
                Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), "holder-output");
                drain.setDaemon(true);
                drain.start();
                return process;
            }
        }
        throw new IllegalStateException("the holder JVM ended before its server was ready: exit " + process.exitValue());
    }

    static String setting(EmbeddedPostgresServer server, String name) throws SQLException {
        return query(server, "SHOW " + name, "postgres");
    }

    static String query(EmbeddedPostgresServer server, String sql) throws SQLException {
        return query(server, sql, "gremium");
    }

    static String query(EmbeddedPostgresServer server, String sql, String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(database), EmbeddedPostgresServer.USER, server.password());
                Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }

    static void execute(EmbeddedPostgresServer server, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("gremium"), EmbeddedPostgresServer.USER, server.password());
                Statement statement = connection.createStatement()) {
            for (String sql : List.of(statements)) {
                statement.execute(sql);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
