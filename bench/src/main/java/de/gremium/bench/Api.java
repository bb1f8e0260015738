package de.gremium.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The system's HTTP API as the benchmark uses it, over loopback, with the demo users (HTTP Basic). */
final class Api {

    static final String MEMBER = "anna.amt50";
    static final String READER = "leser";
    static final String PASSWORD = "gremium";
    static final String UNIT = "Amt 50";

    /** Generous: on a big store with 32 readers a request can queue for many seconds; that is measured, not a failure. */
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** A tolerant reader gives up after this and counts the read as not answered (so a phase ends in bounded time). */
    static final Duration READER_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOTAL = Pattern.compile("\"totalElements\"\\s*:\\s*(\\d+)");
    /** About the length of a real report, so that an event is of a realistic size. */
    static final String DESCRIPTION = "Seit der Umstellung der Sprachkursvermittlung melden die Beratungsstellen, "
            + "dass Zuweisungen zu Integrationskursen bis zu acht Wochen dauern. Betroffen sind vor allem Familien "
            + "mit schulpflichtigen Kindern im Stadtteil. Vorschlag: gemeinsame Sprechstunde von Amt 50 und "
            + "Jobcenter einmal pro Woche, Terminvergabe ueber das Intranet. (Benchmark-Meldung)";

    /** For health probes: its connections are never the ones the measured requests reuse. */
    private static final HttpClient PROBE = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI submit;
    private final String commandBase;
    /** The query side moves to another port when the benchmark restarts it. */
    private volatile String queryBase;
    private final String member = basic(MEMBER);
    private final String reader = basic(READER);
    private final AtomicLong created = new AtomicLong();

    Api(int commandPort, int queryPort) {
        this.commandBase = "http://127.0.0.1:" + commandPort;
        this.queryBase = "http://127.0.0.1:" + queryPort;
        this.submit = URI.create(commandBase + "/api/problem-reports");
    }

    /** After a restart of the query side. */
    void queryPort(int port) {
        this.queryBase = "http://127.0.0.1:" + port;
    }

    /** GET {@code http://127.0.0.1:port/actuator/health} anonymously: true on 200, false on any other answer or none. */
    boolean healthy(int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return PROBE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** POST /api/problem-reports; anything but 201 aborts the run. Returns the new report's id. */
    String submit(String title) throws IOException, InterruptedException {
        String json = "{\"title\":\"" + title + "\",\"description\":\"" + DESCRIPTION + "\",\"unit\":\"" + UNIT
                + "\",\"policyFields\":[\"LANGUAGE\"]}";
        HttpRequest request = HttpRequest.newBuilder(submit).timeout(TIMEOUT)
                .header("Authorization", member)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new BenchFailure("POST " + submit + " answered " + response.statusCode() + " instead of 201: "
                    + abbreviate(response.body()));
        }
        created.incrementAndGet();
        Matcher id = ID.matcher(response.body());
        if (!id.find()) {
            throw new BenchFailure("201 without an id: " + abbreviate(response.body()));
        }
        return id.group(1);
    }

    /** GET {query}/api/problem-reports/{id}: true on 200, false on 404, anything else aborts the run. */
    boolean isVisible(String id) throws IOException, InterruptedException {
        String reports = queryBase + "/api/problem-reports";
        HttpResponse<String> response = get(URI.create(reports + "/" + id));
        return switch (response.statusCode()) {
            case 200 -> true;
            case 404 -> false;
            default -> throw new BenchFailure("GET " + reports + "/" + id + " answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        };
    }

    /** How many reports the query side's problem board holds. */
    long boardTotal() throws IOException, InterruptedException {
        String reports = queryBase + "/api/problem-reports";
        HttpResponse<String> response = get(URI.create(reports + "?size=1"));
        Matcher total = TOTAL.matcher(response.body());
        if (response.statusCode() != 200 || !total.find()) {
            throw new BenchFailure("GET " + reports + "?size=1 answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        return Long.parseLong(total.group(1));
    }

    /**
     * POST {command side}{path} as {@code user} with a JSON body; any status but 201 or 204 aborts the run.
     * Returns the answer's "id", or null if it has none. A new problem report counts as created.
     */
    String command(String user, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(commandBase + path)).timeout(TIMEOUT)
                .header("Authorization", basic(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 204) {
            throw new BenchFailure("POST " + path + " as " + user + " answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        Matcher id = ID.matcher(response.body() == null ? "" : response.body());
        if (path.equals("/api/problem-reports")) {
            created.incrementAndGet();
        }
        return id.find() ? id.group(1) : null;
    }

    /** GET {query side}{pathAndQuery} as the reader; returns the answer whatever its status. */
    HttpResponse<String> read(String pathAndQuery) throws IOException, InterruptedException {
        return get(URI.create(queryBase + pathAndQuery));
    }

    /** GET {query side}{pathAndQuery} as the reader; anything but 200 aborts the run. Returns the body. */
    String readOk(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = read(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new BenchFailure("GET " + pathAndQuery + " answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        return response.body();
    }

    /**
     * As {@link #readOk(String)}, reading the body without keeping it: returns its length. For the readers, whose
     * answers would be turned into Strings only to be dropped: the harness shares the JVM (and its collector) with
     * Gremium.
     */
    long readOkLength(String pathAndQuery) throws IOException, InterruptedException {
        return readLength(pathAndQuery, false);
    }

    /**
     * As {@link #readOkLength(String)}, but when {@code tolerant} a 503 (the query side could not reach a store in time:
     * an overload, not a wrong answer) returns -1 and no answer within {@link #READER_TIMEOUT} returns -2, instead of
     * aborting the run.
     */
    long readLength(String pathAndQuery, boolean tolerant) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(queryBase + pathAndQuery))
                .timeout(tolerant ? READER_TIMEOUT : TIMEOUT).header("Authorization", reader);
        HttpResponse<Object> response;
        try {
            response = send(request.GET().build(), info -> info.statusCode() == 200
                    ? HttpResponse.BodySubscribers.mapping(new CountingBody(), Object.class::cast)
                    : HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8), Object.class::cast));
        } catch (java.net.http.HttpTimeoutException e) {
            if (tolerant) {
                return -2;
            }
            throw e;
        }
        if (response.statusCode() == 503 && tolerant) {
            return -1;
        }
        if (response.statusCode() != 200) {
            throw new BenchFailure("GET " + pathAndQuery + " answered " + response.statusCode() + ": "
                    + abbreviate((String) response.body()));
        }
        long length = (Long) response.body();
        if (length == 0) {
            throw new BenchFailure("GET " + pathAndQuery + " answered 200 without a body");
        }
        return length;
    }

    /** Counts a body's bytes as they arrive. */
    private static final class CountingBody implements HttpResponse.BodySubscriber<Long> {

        private final CompletableFuture<Long> length = new CompletableFuture<>();
        private long bytes;

        @Override
        public CompletionStage<Long> getBody() {
            return length;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                bytes += buffer.remaining();
            }
        }

        @Override
        public void onError(Throwable failure) {
            length.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            length.complete(bytes);
        }
    }

    /**
     * Sends a request, again once if a kept-alive connection turned out closed before any byte of an answer came (the
     * server closed it while idle, the client reused it before it noticed: seen on the loaded machine after a long
     * phase without requests). Nothing was read by the server then, so a POST is not sent twice.
     */
    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("received no bytes")) {
                return http.send(request, body);
            }
            throw e;
        }
    }

    /** Reports created (201) through this client so far. */
    long created() {
        return created.get();
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Authorization", reader).GET().build();
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() <= 500 ? body : body.substring(0, 500) + "...";
    }
}
