package de.gremium.intranet.empfehlungen;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Both APIs for the page tests: an HTTP server on a free port answering canned JSON in the shapes of the real
 * views and commands (read from the query side's and the command side's controllers), recording what it was sent.
 * A path it was not told about answers 404 with a problem document, as the APIs do; members whose value is null are
 * left out, as the APIs do.
 */
final class ApiStub {

    /** One for all page tests of this area, so that they share one application context. */
    static final ApiStub SHARED = start();

    record Answer(int status, String body) {
    }

    record Received(String method, String path, String query, String body) {
    }

    private final HttpServer server;
    private final Map<String, Supplier<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private ApiStub(HttpServer server) {
        this.server = server;
    }

    private static ApiStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ApiStub stub = new ApiStub(server);
            server.createContext("/", stub::answer);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void reset() {
        answers.clear();
        received.clear();
    }

    ApiStub on(String method, String path, int status, String body) {
        return on(method, path, () -> new Answer(status, body));
    }

    ApiStub on(String method, String path, Supplier<Answer> answer) {
        answers.put(method + " " + path, () -> {
            Answer given = answer.get();
            return new Answer(given.status(), withoutNulls(given.body()));
        });
        return this;
    }

    /** The APIs leave out members whose value is null (Jackson's non_null at their edge); so does the stub. */
    static String withoutNulls(String json) {
        return json.replaceAll("\\s*\"[^\"]+\"\\s*:\\s*null\\s*,", "").replaceAll(",\\s*\"[^\"]+\"\\s*:\\s*null", "");
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> received(String method, String path) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(method, path, exchange.getRequestURI().getRawQuery(), body));
        Supplier<Answer> canned = answers.get(method + " " + path);
        Answer answer = canned != null ? canned.get() : new Answer(404, """
                {"type":"urn:gremium:problem:not-found","title":"Not found","status":404,"detail":"No %s"}"""
                .formatted(path));
        if (answer.status() == 204) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                answer.status() >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
