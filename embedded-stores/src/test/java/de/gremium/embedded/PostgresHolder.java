package de.gremium.embedded;

import java.nio.file.Path;

/** A JVM that starts the embedded PostgreSQL on a folder and port and then waits to be killed. */
public final class PostgresHolder {

    private PostgresHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), Integer.parseInt(args[1]), true);
        System.out.println("ready " + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
