package de.gremium.intranet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for the APIs (or the sign-in provider) in the intranet's own tests: an HTTP server on a free loopback
 * port that answers canned bodies by {@code "METHOD /path?query"} or, failing that, {@code "METHOD /path"} (any
 * query), and 404 with a problem document for anything else. Like the APIs it leaves out JSON members whose value is
 * null. An answer may be a {@link Supplier}, so that it can change once a command arrived. Every request is recorded
 * (method, path, query, headers, body).
 */
public final class StubApi implements AutoCloseable {

    /** A canned answer; without a content type, JSON ({@code application/problem+json} from status 400 on). */
    public record Answer(int status, String contentType, String body, Map<String, String> headers) {

        public Answer(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }

        public Answer(int status, String body) {
            this(status, null, body, Map.of());
        }

        String effectiveContentType() {
            return contentType != null ? contentType : status >= 400 ? "application/problem+json" : "application/json";
        }
    }

    /** A request the stub received. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {

        /** The first value of this header (names compared ignoring case), or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String authorization() {
            return header("Authorization");
        }

        public String idempotencyKey() {
            return header("Idempotency-Key");
        }

        public String ifMatch() {
            return header("If-Match");
        }

        /** The path with the query as sent, still encoded. */
        public String pathAndQuery() {
            return query == null ? path : path + "?" + query;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, Supplier<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public StubApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forgets the answers and the received requests. */
    public void reset() {
        answers.clear();
        received.clear();
    }

    /** Forgets the received requests only. */
    public void forget() {
        received.clear();
    }

    /** Answers {@code GET path} (with or without a query) with 200 and this JSON. */
    public StubApi get(String path, String json) {
        return on("GET", path, 200, json);
    }

    /** Answers {@code method path} with this status and JSON (a problem document from 400 on); null for no body. */
    public StubApi on(String method, String path, int status, String json) {
        return on(method, path, status, json, Map.of());
    }

    /** The same, with response headers ({@code ETag}, {@code Location}). */
    public StubApi on(String method, String path, int status, String json, Map<String, String> headers) {
        return on(method, path, new Answer(status, null, json, headers));
    }

    /** A fixed answer with a chosen content type, e.g. Atom. */
    public StubApi on(String method, String path, Answer answer) {
        return on(method, path, () -> answer);
    }

    /** An answer worked out for each request, e.g. a view that changes once a command arrived. */
    public StubApi on(String method, String path, Supplier<Answer> answer) {
        answers.put(method + " " + path, answer);
        return this;
    }

    /** A refusal as both APIs send it (RFC 9457), naming the field (or none) and the reason. */
    public StubApi refuse(String method, String path, int status, String type, String field, String reason) {
        String errors = field == null ? "[]"
                : "[{\"field\":\"" + field + "\",\"reason\":\"" + reason.replace("\"", "\\\"") + "\"}]";
        return on(method, path, status, """
                {"type":"urn:gremium:problem:%s","title":"Refused","status":%d,"detail":"%s","errors":%s}"""
                .formatted(type, status, reason.replace("\"", "\\\""), errors));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String method, String path) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    public boolean hasReceived(String method, String path) {
        return !received(method, path).isEmpty();
    }

    /** The path and query of each request received, in order. */
    public List<String> requests() {
        return received.stream().map(Received::pathAndQuery).toList();
    }

    /** The APIs write no null member ({@code default-property-inclusion=non_null}): the pages must read absent ones. */
    public static String withoutNulls(String json) {
        JsonNode tree = JSON.readTree(json);
        dropNulls(tree);
        return JSON.writeValueAsString(tree);
    }

    private static void dropNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            object.properties().forEach(member -> {
                if (member.getValue().isNull()) {
                    nulls.add(member.getKey());
                } else {
                    dropNulls(member.getValue());
                }
            });
            nulls.forEach(object::remove);
        } else if (node != null && node.isArray()) {
            node.forEach(StubApi::dropNulls);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(method, path, query, Map.copyOf(exchange.getRequestHeaders()), body));
        Answer answer = Optional.ofNullable(query == null ? null : answers.get(method + " " + path + "?" + query))
                .or(() -> Optional.ofNullable(answers.get(method + " " + path)))
                .map(Supplier::get)
                .orElseGet(() -> new Answer(404, """
                        {"type":"urn:gremium:problem:not-found","title":"Not Found","status":404,"detail":"%s","errors":[]}"""
                        .formatted(path)));
        String contentType = answer.effectiveContentType();
        String text = answer.body() == null || answer.body().isBlank() ? "" : answer.body();
        if (!text.isEmpty() && contentType.contains("json")) {
            text = withoutNulls(text);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
