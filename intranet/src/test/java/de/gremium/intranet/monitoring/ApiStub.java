package de.gremium.intranet.monitoring;

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

/**
 * A stand-in for the query side in the page tests: answers a path (or a path with its query) with canned JSON written
 * from the real API's shapes, and 404 with a problem document for anything else. It records what was asked.
 */
final class ApiStub implements AutoCloseable {

    record Answer(int status, String contentType, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    ApiStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code pathAndQuery} (the query exactly as sent, or the path alone for any query) with JSON. */
    ApiStub json(String pathAndQuery, String body) {
        return answer(pathAndQuery, 200, "application/json", body);
    }

    ApiStub problem(String pathAndQuery, int status, String body) {
        return answer(pathAndQuery, status, "application/problem+json", body);
    }

    ApiStub answer(String pathAndQuery, int status, String contentType, String body) {
        answers.put(pathAndQuery, new Answer(status, contentType, body));
        return this;
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    void reset() {
        answers.clear();
        requests.clear();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String full = query == null ? path : path + "?" + query;
        requests.add(full);
        Answer answer = answers.getOrDefault(full, answers.getOrDefault(path, new Answer(404,
                "application/problem+json", "{\"type\":\"urn:gremium:problem:not-found\",\"title\":\"Not found\","
                        + "\"status\":404,\"detail\":\"" + path + "\"}")));
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
