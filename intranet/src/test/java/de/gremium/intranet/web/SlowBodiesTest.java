package de.gremium.intranet.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.intranet.IntranetApplication;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A form body trickling in before anyone is signed in does not hold a worker of the intranet for long (issue 15, item 2). */
class SlowBodiesTest {

    private static ConfigurableApplicationContext intranet;
    private static int port;

    @BeforeAll
    static void start() {
        intranet = IntranetApplication.start("--server.port=0", "--server.address=127.0.0.1",
                "--gremium.intranet.body-read-timeout=1s", "--management.server.port=-1");
        port = ((WebServerApplicationContext) intranet).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        intranet.close();
    }

    @Test
    void aSignInFormWhoseBodyPausesLongerThanTheReadTimeoutLosesItsConnectionWithinSeconds() throws Exception {
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /anmelden HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 400\r\n\r\nbenutzer=a")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // one byte every 1.5 s: each pause is longer than the read timeout of 1 s
            trickle.scheduleAtFixedRate(() -> {
                try {
                    out.write('x');
                    out.flush();
                } catch (IOException closed) {
                    // the server closed the connection: what this test waits for
                }
            }, 1500, 1500, TimeUnit.MILLISECONDS);
            socket.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
            long started = System.nanoTime();

            boolean closed = readsToTheEnd(socket.getInputStream());

            assertThat(closed).as("the server closes the connection instead of waiting for the body").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        } finally {
            trickle.shutdownNow();
        }
    }

    /** Whether the server ended the connection (an answer and then the end, or a reset) before the socket's timeout. */
    private static boolean readsToTheEnd(InputStream in) {
        byte[] buffer = new byte[1024];
        try {
            while (in.read(buffer) >= 0) {
                // an answer may come before the end
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
