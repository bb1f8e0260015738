package de.gremium.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.gremium.platform.refusal.Refusal;
import de.gremium.platform.testing.TestStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calendar imports by URL cannot be turned against the server's own network: only allowed hosts are fetched, their
 * addresses are checked where the connection is made, every redirect is checked again, and failures say neither
 * what the answer contained nor whether a port was open. Every server here listens on 127.0.0.1 only.
 */
class CalendarSourceForgeryTest {

    static final String SSH_BANNER = "SSH-2.0-OpenSSH_9.6 geheim";

    HttpServer server;
    int port;
    String base;
    final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        port = server.getAddress().getPort();
        base = "http://127.0.0.1:" + port;
        context("/kalender.ics", exchange -> respond(exchange, 200, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"));
        context("/secret", exchange -> respond(exchange, 200, "internal"));
        context("/to-localhost", exchange -> redirect(exchange, "http://localhost:" + port + "/secret"));
        context("/to-decimal", exchange -> redirect(exchange, "http://2130706433:" + port + "/secret"));
        context("/hop", exchange -> redirect(exchange, "/kalender.ics"));
        context("/loop", exchange -> redirect(exchange, "/loop"));
        context("/banner", exchange -> respond(exchange, 200, SSH_BANNER));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aLocalServerIsRefusedByDefault() {
        CalendarSourceClient client = new CalendarSourceClient(CalendarFetchSettings.none());

        assertThatThrownBy(() -> fetch(client, base + "/secret"))
                .isInstanceOf(Refusal.SourceFailed.class).hasMessageContaining("refused: imports by URL are switched off");
        assertThat(hits("/secret")).isZero();
    }

    @Test
    void anAllowedHostThatIsALoopbackAddressIsRefusedUnlessPrivateAddressesAreAllowed() {
        CalendarSourceClient client = new CalendarSourceClient(new CalendarFetchSettings(List.of("127.0.0.1"), false, List.of()));

        assertThatThrownBy(() -> fetch(client, base + "/secret"))
                .isInstanceOf(Refusal.SourceFailed.class).hasMessageContaining("refused: the host resolves to a loopback address");
        assertThat(hits("/secret")).isZero();
    }

    @Test
    void aLocalServerAllowedByConfigurationIsFetched() {
        CalendarSourceClient perHost = new CalendarSourceClient(
                new CalendarFetchSettings(List.of("127.0.0.1"), false, List.of("127.0.0.1")));
        CalendarSourceClient everyHost = new CalendarSourceClient(new CalendarFetchSettings(List.of("127.0.0.1"), true, List.of()));

        assertThat(new String(fetch(perHost, base + "/secret"), StandardCharsets.UTF_8)).isEqualTo("internal");
        assertThat(new String(fetch(everyHost, base + "/secret"), StandardCharsets.UTF_8)).isEqualTo("internal");
    }

    @Test
    void aRedirectFromAnAllowedHostToARefusedOneIsRefused() {
        CalendarSourceClient client = LocalSources.client();

        for (String path : List.of("/to-localhost", "/to-decimal")) {
            assertThatThrownBy(() -> fetch(client, base + path)).as(path)
                    .isInstanceOf(Refusal.SourceFailed.class).hasMessageContaining("a redirect was refused");
        }
        assertThat(hits("/secret")).isZero();
    }

    @Test
    void aRedirectWithinAnAllowedHostIsFollowedAndARedirectLoopEnds() {
        CalendarSourceClient client = LocalSources.client();

        assertThat(new String(fetch(client, base + "/hop"), StandardCharsets.UTF_8)).startsWith("BEGIN:VCALENDAR");
        assertThatThrownBy(() -> fetch(client, base + "/loop"))
                .isInstanceOf(Refusal.SourceFailed.class).hasMessageContaining("more than 5 redirects");
        assertThat(hits("/loop")).isEqualTo(CalendarSourceClient.MAX_REDIRECTS + 1);
    }

    @Test
    void otherSpellingsOfTheLoopbackAreRefusedAlthoughTheyAreOnTheAllowList() {
        List<String> spellings = List.of("localhost", "2130706433", "0.0.0.0", "[::1]", "127.1", "[::ffff:127.0.0.1]");
        CalendarSourceClient client = new CalendarSourceClient(new CalendarFetchSettings(spellings, false, List.of()));

        for (String host : spellings) {
            Refusal.SourceFailed refused = catchThrowableOfType(Refusal.SourceFailed.class,
                    () -> fetch(client, "http://" + host + ":" + port + "/secret"));
            assertThat(refused).as(host).isNotNull();
            // 127.1 is no host name to java.net.URI at all; every other spelling is resolved and its address refused
            assertThat(refused.getMessage()).as(host).containsPattern(host.equals("127.1") ? "refused: only http"
                    : "refused: the host resolves to an? (loopback|unspecified) address");
        }
        assertThat(hits("/secret")).isZero();
    }

    @Test
    void ipv6AddressesCarryingAPrivateOrLoopbackIpv4AddressAreAsNonPublicAsIt() throws Exception {
        Map<String, String> carried = Map.of(
                "64:ff9b::7f00:1", "loopback", // NAT64 of 127.0.0.1
                "64:ff9b::a9fe:a9fe", "link-local", // NAT64 of 169.254.169.254, the cloud metadata service
                "2002:7f00:1::", "loopback", // 6to4 of 127.0.0.1
                "2002:c0a8:101::1", "private", // 6to4 of 192.168.1.1
                "2001:0:a00:1::", "private", // Teredo, server 10.0.0.1
                "2001:0:808:808::80ff:fffe", "loopback"); // Teredo, client 127.0.0.1 (inverted)
        for (Map.Entry<String, String> address : carried.entrySet()) {
            assertThat(CalendarFetchSettings.nonPublic(literal(address.getKey()))).as(address.getKey())
                    .contains(address.getValue());
        }
        for (String open : List.of("64:ff9b::808:808", "2002:808:808::1", "2001:0:808:808::f7f7:f7f7", "2001:db8::1")) {
            assertThat(CalendarFetchSettings.nonPublic(literal(open))).as(open).isEmpty();
        }
        assertThat(new CalendarFetchSettings(List.of("kalender.example"), false, List.of())
                .refusal("kalender.example", literal("64:ff9b::7f00:1"))).isPresent();
    }

    private static java.net.InetAddress literal(String address) throws java.net.UnknownHostException {
        return java.net.InetAddress.getByName(address); // an IPv6 literal: parsed, never looked up
    }

    @Test
    void otherSpellingsOfAnAllowedHostAreNotOnTheAllowList() {
        CalendarSourceClient client = LocalSources.client();

        for (String host : List.of("localhost", "2130706433", "0.0.0.0", "[::1]", "127.1")) {
            assertThatThrownBy(() -> fetch(client, "http://" + host + ":" + port + "/secret")).as(host)
                    .isInstanceOf(Refusal.SourceFailed.class).hasMessageContaining("refused: ");
        }
        assertThat(hits("/secret")).isZero();
    }

    @Test
    void aFailureDoesNotQuoteTheAnswer() {
        IcsCalendarSource ics = new IcsCalendarSource(LocalSources.client());
        OParlMeetingSource oparl = new OParlMeetingSource(LocalSources.client(), new ObjectMapper(), 5, Duration.ofSeconds(5));
        URI banner = URI.create(base + "/banner");

        assertThatThrownBy(() -> ics.parse(banner.toString(), ics.fetch(banner)))
                .isInstanceOf(Refusal.SourceFailed.class).message().doesNotContain("SSH").doesNotContain("geheim");
        assertThatThrownBy(() -> oparl.read(banner, null, Instant.now()))
                .isInstanceOf(Refusal.SourceFailed.class).message().doesNotContain("SSH").doesNotContain("geheim");
    }

    @Test
    void aClosedPortAndAnOpenPortThatSpeaksNoHttpFailAlike() throws IOException {
        CalendarSourceClient client = LocalSources.client();
        int closed = TestStore.freePort();
        try (ServerSocket ssh = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Thread banner = new Thread(() -> {
                try (Socket s = ssh.accept()) {
                    s.getOutputStream().write((SSH_BANNER + "\r\n").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                    // the client went away
                }
            });
            banner.start();

            String closedMessage = catchThrowableOfType(Refusal.SourceFailed.class,
                    () -> fetch(client, "http://127.0.0.1:" + closed + "/")).getMessage();
            String openMessage = catchThrowableOfType(Refusal.SourceFailed.class,
                    () -> fetch(client, "http://127.0.0.1:" + ssh.getLocalPort() + "/")).getMessage();

            assertThat(openMessage.replace(String.valueOf(ssh.getLocalPort()), "PORT"))
                    .isEqualTo(closedMessage.replace(String.valueOf(closed), "PORT"))
                    .doesNotContain("SSH");
        }
    }

    private static byte[] fetch(CalendarSourceClient client, String url) {
        return client.get(URI.create(url), "text/calendar", 64 * 1024, Duration.ofSeconds(5));
    }

    private int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    private void context(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, exchange -> {
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            handler.handle(exchange);
        });
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }
}
