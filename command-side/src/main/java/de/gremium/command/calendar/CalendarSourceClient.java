package de.gremium.command.calendar;

import de.gremium.platform.refusal.Refusal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Fetches a calendar source over http(s) with bounded time and size: a slow or endless answer from a
 * foreign server must not hold a request thread or fill the heap.
 */
@Component
class CalendarSourceClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL) // never from https down to http
            .build();

    /** The body of a 2xx answer to GET {@code uri}, at most {@code maxBytes}, complete within {@code timeout}. */
    byte[] get(URI uri, String accept, int maxBytes, Duration timeout) {
        requireHttp(uri.toString(), uri);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept)
                .header("User-Agent", "Gremium blocked-calendar import").GET().build();
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, answer -> isSuccess(answer.statusCode())
                ? new LimitedBody(maxBytes) : HttpResponse.BodySubscribers.replacing(new byte[0]));
        try {
            HttpResponse<byte[]> response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!isSuccess(response.statusCode())) {
                throw Refusal.sourceFailed(uri.toString(), uri + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw Refusal.sourceFailed(uri.toString(), uri + " did not answer within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Refusal.sourceFailed(uri.toString(), "interrupted while reading " + uri, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) {
                throw Refusal.sourceFailed(uri.toString(), uri + " sent more than " + maxBytes / 1024 + " KiB", cause);
            }
            if (cause instanceof java.net.http.HttpTimeoutException) {
                // the request's own timeout and ours are the same; whichever fires first, it is the same failure
                throw Refusal.sourceFailed(uri.toString(), uri + " did not answer within " + timeout.toSeconds() + " s", cause);
            }
            throw Refusal.sourceFailed(uri.toString(), uri + " is unreachable: " + describe(cause), cause);
        }
    }

    /** Only http and https with a host: no file:, ftp: or jar: URLs reach the fetcher. */
    static void requireHttp(String source, URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw Refusal.sourceFailed(source, "'" + uri + "' is not an http(s) URL");
        }
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    private static String describe(Throwable cause) {
        if (cause instanceof IOException && cause.getMessage() == null) {
            return cause.getClass().getSimpleName();
        }
        return cause == null ? "unknown error" : String.valueOf(cause.getMessage());
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("response body too large");
        }
    }

    /** Collects the body, and gives up (cancelling the download) as soon as it exceeds the limit. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int maxBytes;
        private Flow.Subscription subscription;

        LimitedBody(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > maxBytes) {
                    subscription.cancel();
                    body.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            body.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }
}
