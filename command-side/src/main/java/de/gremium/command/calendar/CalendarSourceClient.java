package de.gremium.command.calendar;

import de.gremium.platform.refusal.Refusal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Fetches a calendar source over http(s), guarded against server-side request forgery and bounded in time and
 * size. Only hosts on the allow-list are fetched ({@link CalendarFetchSettings}); the host is resolved once, by a
 * {@link DnsResolver} that refuses non-public addresses, and the connection goes to exactly the addresses it
 * checked (no second lookup that DNS rebinding could answer differently; the Host header and TLS keep the name).
 * Redirects are followed here, not by the client, so that each target passes the same checks. Failures say
 * "refused" or "failed" and never quote the answer, nor tell a closed port from a silent one.
 */
@Component
class CalendarSourceClient implements DisposableBean {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_REDIRECTS = 5;

    private final CalendarFetchSettings settings;
    private final CloseableHttpClient client;

    CalendarSourceClient(CalendarFetchSettings settings) {
        this.settings = settings;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedResolver(settings))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(CONNECT_TIMEOUT)).build())
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("Gremium blocked-calendar import")
                .build(); // no useSystemProperties(): a proxy would do the resolving, unchecked
    }

    /** Why {@code uri} may not be fetched at all (its scheme or host), if it may not. */
    Optional<String> refusal(URI uri) {
        return settings.refusal(uri);
    }

    /** The body of a 2xx answer to GET {@code uri}, at most {@code maxBytes}, complete within {@code timeout}. */
    byte[] get(URI uri, String accept, int maxBytes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            String hop = redirects == 0 ? "" : "a redirect was ";
            Optional<String> refused = settings.refusal(current);
            if (refused.isPresent()) {
                throw Refusal.sourceFailed(uri.toString(), uri + ": " + hop + refused.get());
            }
            Answer answer = fetchOnce(uri, current, accept, maxBytes, timeout, deadline);
            if (answer.redirect() == null) {
                return answer.body();
            }
            if (redirects == MAX_REDIRECTS) {
                throw Refusal.sourceFailed(uri.toString(), uri + ": failed: more than " + MAX_REDIRECTS + " redirects");
            }
            if (current.getScheme().equalsIgnoreCase("https") && answer.redirect().getScheme().equalsIgnoreCase("http")) {
                throw Refusal.sourceFailed(uri.toString(), uri + ": a redirect was refused: from https down to http");
            }
            current = answer.redirect();
        }
    }

    /** Kept for callers that check a URL before anything is fetched. */
    static void requireHttp(String source, URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw Refusal.sourceFailed(source, "'" + uri + "' is not an http(s) URL");
        }
    }

    private Answer fetchOnce(URI source, URI target, String accept, int maxBytes, Duration timeout, long deadline) {
        long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remainingMs <= 0) {
            throw tooSlow(source, timeout, null);
        }
        HttpGet get = new HttpGet(target);
        get.setHeader("Accept", accept);
        get.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(remainingMs))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(remainingMs)).build());
        // a server that sends a byte now and then never trips the read timeout: the deadline aborts the exchange
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(get::cancel,
                CompletableFuture.delayedExecutor(remainingMs, TimeUnit.MILLISECONDS));
        boolean complete = false;
        try (ClassicHttpResponse response = client.executeOpen(null, get, null)) {
            int status = response.getCode();
            if (status >= 300 && status < 400 && status != 304) {
                return Answer.redirectTo(location(source, target, response));
            }
            if (status < 200 || status >= 300) {
                throw Refusal.sourceFailed(source.toString(), source + ": failed: the source answered HTTP " + status);
            }
            byte[] body = read(source, response, maxBytes);
            complete = true;
            return Answer.of(body);
        } catch (IOException e) {
            RefusedAddress refused = refusedAddress(e);
            if (refused != null) {
                throw Refusal.sourceFailed(source.toString(), source + ": " + (target.equals(source) ? "" : "a redirect was ")
                        + refused.getMessage(), e);
            }
            if (get.isCancelled() || (e instanceof SocketTimeoutException && !isConnectTimeout(e))) {
                throw tooSlow(source, timeout, e);
            }
            // one message for a closed port, a silent one and a broken connection: no port scanner
            throw Refusal.sourceFailed(source.toString(), source + ": failed: the source could not be reached or read", e);
        } finally {
            watchdog.cancel(false);
            if (!complete) {
                get.cancel(); // drop the connection rather than read the rest of an unwanted answer
            }
        }
    }

    private static byte[] read(URI source, ClassicHttpResponse response, int maxBytes) throws IOException {
        if (response.getEntity() == null) {
            return new byte[0];
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = response.getEntity().getContent()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (bytes.size() + n > maxBytes) {
                    throw Refusal.sourceFailed(source.toString(), source + ": failed: the source sent more than "
                            + maxBytes / 1024 + " KiB");
                }
                bytes.write(buffer, 0, n);
            }
        }
        return bytes.toByteArray();
    }

    private static URI location(URI source, URI target, ClassicHttpResponse response) {
        Header location = response.getFirstHeader("Location");
        if (location == null) {
            throw Refusal.sourceFailed(source.toString(), source + ": failed: a redirect without a target");
        }
        try {
            return UriReferences.resolve(target, location.getValue().trim());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw Refusal.sourceFailed(source.toString(), source + ": failed: a redirect to something that is no URL", e);
        }
    }

    private static Refusal.SourceFailed tooSlow(URI source, Duration timeout, Throwable cause) {
        return Refusal.sourceFailed(source.toString(), source + ": failed: the source did not answer within "
                + Math.max(1, timeout.toSeconds()) + " s", cause);
    }

    private static boolean isConnectTimeout(Throwable e) {
        return e instanceof org.apache.hc.client5.http.ConnectTimeoutException;
    }

    private static RefusedAddress refusedAddress(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RefusedAddress refused) {
                return refused;
            }
        }
        return null;
    }

    @Override
    public void destroy() throws IOException {
        client.close();
    }

    private record Answer(byte[] body, URI redirect) {
        static Answer of(byte[] body) {
            return new Answer(body, null);
        }

        static Answer redirectTo(URI target) {
            return new Answer(null, target);
        }
    }

    /** Resolves a host once and refuses it when any of its addresses is not allowed; the client connects to these. */
    private record CheckedResolver(CalendarFetchSettings settings) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                Optional<String> refused = settings.refusal(host, address);
                if (refused.isPresent()) {
                    throw new RefusedAddress(refused.get());
                }
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host; // never asked the resolver: no reverse lookups
        }
    }

    /** A host whose address is not allowed; an UnknownHostException so that the client passes it on unchanged. */
    private static final class RefusedAddress extends UnknownHostException {
        RefusedAddress(String reason) {
            super(reason);
        }
    }
}
