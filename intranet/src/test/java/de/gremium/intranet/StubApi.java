package de.gremium.intranet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for one of the APIs in the intranet's own tests: answers canned JSON by method and path, records what
 * it was sent (method, path with query, Authorization header, body).
 */
public final class StubApi implements AutoCloseable {

    public record Answer(int status, String contentType, String body) {
    }

    public record Received(String method, String pathAndQuery, String authorization, String idempotencyKey, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public StubApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} (path without query) with JSON. */
    public StubApi on(String method, String path, int status, String json) {
        answers.put(method + " " + path, new Answer(status, status >= 400 ? "application/problem+json" : "application/json", json));
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void forget() {
        received.clear();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        received.add(new Received(exchange.getRequestMethod(),
                exchange.getRequestURI().getPath() + (query == null ? "" : "?" + query),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
        Answer answer = answers.get(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        if (answer == null) {
            answer = new Answer(404, "application/problem+json",
                    "{\"type\":\"urn:gremium:problem:not-found\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"stub\"}");
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
