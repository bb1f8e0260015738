package de.gremium.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for tests that go through the real network stack, as users do. */
public final class Http {

    public static final String PASSWORD = "gremium";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static Http on(int port) {
        return new Http("http://127.0.0.1:" + port);
    }

    public Call as(String user) {
        return new Call(user, PASSWORD);
    }

    public Call anonymous() {
        return new Call(null, null);
    }

    public final class Call {
        private final String user;
        private final String password;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Call(String user, String password) {
            this.user = user;
            this.password = password;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call bearer(String token) {
            headers.put("Authorization", "Bearer " + token);
            return this;
        }

        public Response get(String path) {
            return send(builder(path).GET());
        }

        public Response post(String path, String json) {
            return send(builder(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json, StandardCharsets.UTF_8)));
        }

        public Response post(String path, Object body) {
            try {
                return post(path, MAPPER.writeValueAsString(body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Response send(String method, String path, String contentType, byte[] body) {
            HttpRequest.Builder b = builder(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            return send(b);
        }

        private HttpRequest.Builder builder(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
            if (user != null) {
                b.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            headers.forEach(b::header);
            return b;
        }

        private Response send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.body(), response.headers().map());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Status, body and headers; {@link #json()} parses the body. */
    public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
