package de.gremium.intranet.sitzungen;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
 * Both APIs in one small HTTP server for the page tests: canned answers by method and path (with the query, if the
 * answer names one), written after the APIs' real shapes; every request is recorded with its body, so a test can
 * check the JSON a form sent. An answer may depend on what was received before (the view after a command).
 */
final class ApiStub {

    record Answer(int status, String contentType, String body) {
    }

    record Received(String method, String uri, String body, String idempotencyKey) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, Supplier<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    ApiStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void reset() {
        answers.clear();
        received.clear();
    }

    /** A JSON view or command answer; like the APIs, it leaves out fields that are null. */
    ApiStub on(String method, String uri, int status, String json) {
        String body = json == null ? null : withoutNulls(json);
        return on(method, uri, () -> new Answer(status, "application/json", body));
    }

    /** The APIs write no null field ({@code default-property-inclusion=non_null}): the pages must read absent ones. */
    static String withoutNulls(String json) {
        JsonNode tree = JSON.readTree(json);
        dropNulls(tree);
        return JSON.writeValueAsString(tree);
    }

    private static void dropNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nulls = new java.util.ArrayList<>();
            object.properties().forEach(field -> {
                if (field.getValue().isNull()) {
                    nulls.add(field.getKey());
                } else {
                    dropNulls(field.getValue());
                }
            });
            nulls.forEach(object::remove);
        } else if (node != null && node.isArray()) {
            node.forEach(ApiStub::dropNulls);
        }
    }

    /** A refusal as both APIs send it (RFC 9457). */
    ApiStub refuse(String method, String uri, int status, String type, String field, String reason) {
        String errors = field == null ? "[]"
                : "[{\"field\":\"" + field + "\",\"reason\":\"" + reason.replace("\"", "\\\"") + "\"}]";
        String problem = """
                {"type":"urn:gremium:problem:%s","title":"Refused","status":%d,"detail":"%s","errors":%s}"""
                .formatted(type, status, reason.replace("\"", "\\\""), errors);
        return on(method, uri, () -> new Answer(status, "application/problem+json", problem));
    }

    ApiStub on(String method, String uri, Supplier<Answer> answer) {
        answers.put(method + " " + uri, answer);
        return this;
    }

    List<Received> received(String method, String uri) {
        return received.stream().filter(r -> r.method().equals(method) && r.uri().equals(uri)).toList();
    }

    boolean hasReceived(String method, String uri) {
        return !received(method, uri).isEmpty();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String uri = exchange.getRequestURI().toString();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(method, uri, body, exchange.getRequestHeaders().getFirst("Idempotency-Key")));
        Answer answer = Optional.ofNullable(answers.get(method + " " + uri))
                .or(() -> Optional.ofNullable(answers.get(method + " " + path)))
                .map(Supplier::get)
                .orElse(new Answer(404, "application/problem+json",
                        "{\"type\":\"urn:gremium:problem:not-found\",\"title\":\"Not Found\",\"status\":404,"
                                + "\"detail\":\"" + path + "\",\"errors\":[]}"));
        byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        if (answer.contentType() != null && bytes.length > 0) {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
