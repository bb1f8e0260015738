package de.gremium.intranet.api;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The intranet's only way to the data: the command side's and the query side's HTTP APIs, each call carrying the
 * signed-in person's identity ({@link ApiAuthorization}). A refusal of an API becomes an {@link ApiRefusedException}
 * holding its problem document; an API that cannot be reached becomes one with status 503.
 *
 * <p>Views are read as JSON maps ({@code Map<String, Object>}): a page shows what the view holds, and the view's
 * documentation (the API document) is the one place that defines it.
 */
@Component
public class Apis {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    private final RestClient command;
    private final RestClient query;
    private final ObjectMapper mapper;

    public Apis(RestClient.Builder builder, ApiAuthorization authorization, ObjectMapper mapper,
            @Value("${gremium.intranet.command-api}") String commandApi,
            @Value("${gremium.intranet.query-api}") String queryApi,
            @Value("${gremium.intranet.api-timeout:10s}") java.time.Duration timeout) {
        this.mapper = mapper;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        this.command = builder.clone().baseUrl(commandApi).requestFactory(requests).requestInterceptor(authorization).build();
        this.query = builder.clone().baseUrl(queryApi).requestFactory(requests).requestInterceptor(authorization).build();
    }

    /** A view of the query side as a JSON object. */
    public Map<String, Object> view(String uriTemplate, Object... variables) {
        return call(() -> query.get().uri(uriTemplate, variables).accept(MediaType.APPLICATION_JSON)
                .retrieve().onStatus(HttpStatusCode::isError, this::refuse).body(MAP));
    }

    /** A view of the query side with query parameters ({@code null} or blank values are left out). */
    public Map<String, Object> view(String path, Map<String, ?> parameters) {
        return call(() -> query.get().uri(u -> {
            u.path(path);
            // each value as a template variable, so that it is encoded strictly: typed text with '{', '}', '+', '&'
            // or '%' reaches the API as typed and never breaks or changes the address
            List<Object> values = new java.util.ArrayList<>();
            parameters.forEach((name, value) -> {
                if (value instanceof Iterable<?> many) {
                    many.forEach(v -> {
                        u.queryParam(name, "{p" + values.size() + "}");
                        values.add(v);
                    });
                } else if (value != null && !value.toString().isBlank()) {
                    u.queryParam(name, "{p" + values.size() + "}");
                    values.add(value);
                }
            });
            return u.build(values.toArray());
        }).accept(MediaType.APPLICATION_JSON).retrieve().onStatus(HttpStatusCode::isError, this::refuse).body(MAP));
    }

    /** A view that may be absent: empty on 404. */
    public Optional<Map<String, Object>> optionalView(String uriTemplate, Object... variables) {
        try {
            return Optional.ofNullable(view(uriTemplate, variables));
        } catch (ApiRefusedException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A view with its headers (the board's {@code X-Total-Count}, an {@code ETag} for a later {@code If-Match}). */
    public ResponseEntity<Map<String, Object>> viewWithHeaders(String uriTemplate, Object... variables) {
        return call(() -> query.get().uri(uriTemplate, variables).accept(MediaType.APPLICATION_JSON)
                .retrieve().onStatus(HttpStatusCode::isError, this::refuse).toEntity(MAP));
    }

    /** A raw answer of the query side (a feed, a CSV) to pass through. */
    public ResponseEntity<byte[]> raw(String uriTemplate, MediaType accept, Object... variables) {
        return call(() -> query.get().uri(uriTemplate, variables).accept(accept)
                .retrieve().onStatus(HttpStatusCode::isError, this::refuse).toEntity(byte[].class));
    }

    /**
     * A command: {@code POST} (or {@code PUT}/{@code DELETE}) to the command side with a JSON body, the form's
     * idempotency key and, where the command needs it, the version the person saw ({@code If-Match}).
     */
    public Accepted send(HttpMethod method, String uriTemplate, Object body, String idempotencyKey, String ifMatch,
            Object... variables) {
        return call(() -> {
            RestClient.RequestBodySpec request = command.method(method).uri(uriTemplate, variables)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
            if (idempotencyKey != null && !idempotencyKey.isBlank()) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            if (ifMatch != null && !ifMatch.isBlank()) {
                request.header(HttpHeaders.IF_MATCH, ifMatch);
            }
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            ResponseEntity<Map<String, Object>> answer = request.retrieve()
                    .onStatus(HttpStatusCode::isError, this::refuse).toEntity(MAP);
            return new Accepted(answer.getStatusCode().value(), answer.getHeaders().getLocation(),
                    answer.getHeaders().getETag(), answer.getBody() == null ? Map.of() : answer.getBody());
        });
    }

    /** {@code POST} with a JSON body. */
    public Accepted post(String uriTemplate, Object body, String idempotencyKey, Object... variables) {
        return send(HttpMethod.POST, uriTemplate, body, idempotencyKey, null, variables);
    }

    /** What the command side answered to an accepted command. */
    public record Accepted(int status, URI location, String etag, Map<String, Object> body) {
        /** The id the command side gave the new thing, from the body's {@code id} or the last segment of its location. */
        public String id() {
            Object id = body.get("id");
            if (id != null) {
                return id.toString();
            }
            if (location == null) {
                return null;
            }
            String path = location.getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    private void refuse(org.springframework.http.HttpRequest request, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        byte[] body = response.getBody().readAllBytes();
        ApiProblem problem;
        try {
            problem = mapper.readValue(body, ApiProblem.class);
            if (problem.status() == 0) {
                problem = new ApiProblem(problem.type(), problem.title(), status, problem.detail(), problem.errors());
            }
        } catch (JacksonException notAProblem) {
            problem = ApiProblem.unavailable(status, "The API answered " + status + " without a problem document.");
        }
        throw new ApiRefusedException(problem);
    }

    private static <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceAccessException e) {
            throw new ApiRefusedException(ApiProblem.unavailable(503, e.getMessage()));
        }
    }

    /** Query parameters in order, for {@link #view(String, Map)}. */
    public static Map<String, Object> parameters(Object... namesAndValues) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    /** The items of a paged list ({@code data}) as maps. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> items(Map<String, Object> page) {
        Object data = page.get("data");
        return data instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
