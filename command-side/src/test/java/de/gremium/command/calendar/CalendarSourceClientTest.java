package de.gremium.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import de.gremium.platform.refusal.Refusal;
import de.gremium.platform.testing.TestStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fetching is bounded in time and size, and refuses what is not http(s). */
class CalendarSourceClientTest {

    HttpServer server;
    String base;
    CalendarSourceClient client = LocalSources.client();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/small", exchange -> {
            exchange.sendResponseHeaders(200, 5);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("hallo".getBytes());
            }
        });
        server.createContext("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, no length announced
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[8192];
                for (int i = 0; i < 1_000; i++) {
                    out.write(chunk);
                }
            } catch (IOException clientGaveUp) {
                // expected: the client cancels the download
            }
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsASmallBody() {
        assertThat(client.get(URI.create(base + "/small"), "text/calendar", 1024, Duration.ofSeconds(5))).isEqualTo("hallo".getBytes());
    }

    @Test
    void givesUpOnABodyAboveTheLimit() {
        assertThatThrownBy(() -> client.get(URI.create(base + "/endless"), "text/calendar", 64 * 1024, Duration.ofSeconds(5)))
                .isInstanceOf(Refusal.SourceFailed.class).hasMessageContaining("more than 64 KiB");
    }

    @Test
    void givesUpOnASlowServer() {
        assertThatThrownBy(() -> client.get(URI.create(base + "/slow"), "text/calendar", 1024, Duration.ofMillis(300)))
                .isInstanceOf(Refusal.SourceFailed.class).hasMessageContaining("did not answer");
    }

    @Test
    void anUnreachableServerIsAFailingSource() {
        URI nobody = URI.create("http://127.0.0.1:" + TestStore.freePort() + "/kalender.ics");
        assertThatThrownBy(() -> client.get(nobody, "text/calendar", 1024, Duration.ofSeconds(5)))
                .isInstanceOf(Refusal.SourceFailed.class).hasMessageContaining("failed: the source could not be reached or read");
    }

    @Test
    void onlyHttpAndHttpsAreFetched() {
        assertThatThrownBy(() -> client.get(URI.create("file:///etc/passwd"), "text/calendar", 1024, Duration.ofSeconds(5)))
                .isInstanceOf(Refusal.SourceFailed.class).hasMessageContaining("refused: only http(s) URLs");
    }
}
