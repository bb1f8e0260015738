package de.gremium.intranet.probleme;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Both APIs as canned answers, for the page tests: an HTTP server on a free port that answers each
 * {@code "METHOD /path"} (or, more precisely, {@code "METHOD /path?query"}) with the status, headers and JSON a test gave it (the shapes copied from the query side's
 * views and the command side's requests), records every request it got, and answers 404 with a problem document
 * for anything else. One server for the test JVM; each test resets it.
 */
public final class ApiStub {

    /** A request the stub received: method, path, query string, headers and body. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private record Answer(int status, String body, Map<String, String> headers) {
    }

    private static final ApiStub SHARED = new ApiStub();

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private ApiStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public static ApiStub shared() {
        return SHARED;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void reset() {
        answers.clear();
        received.clear();
    }

    /** Answers {@code GET path} (any query) with 200 and this JSON. */
    public ApiStub get(String path, String json) {
        return answer("GET", path, 200, json, Map.of());
    }

    public ApiStub answer(String method, String path, int status, String json, Map<String, String> headers) {
        answers.put(method + " " + path, new Answer(status, json, headers));
        return this;
    }

    public List<Received> received(String method, String path) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        String query = exchange.getRequestURI().getRawQuery();
        Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path + "?" + query,
                answers.getOrDefault(exchange.getRequestMethod() + " " + path, new Answer(404,
                "{\"type\":\"urn:gremium:problem:not-found\",\"title\":\"Not found\",\"status\":404,\"detail\":\"" + path + "\"}",
                Map.of())));
        byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                answer.status() >= 400 ? "application/problem+json" : "application/json");
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
