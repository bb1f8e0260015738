package de.gremium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.platform.testing.Http;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint against every role: the expected status says who may do what. Each row acts on a
 * report of its own, so the order of rows does not matter.
 */
class AuthorizationMatrixTest {

    @TempDir
    static Path dataDir;
    static RunningSystem system;

    @BeforeAll
    static void start() {
        system = RunningSystem.start(dataDir);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    enum Side { COMMAND, QUERY }

    /** One endpoint: which side, method, path (with {id} for a fresh report by anna.amt50), body. */
    record Endpoint(Side side, String method, String path, Object body) {
        @Override
        public String toString() {
            return method + " " + side.name().toLowerCase() + path;
        }
    }

    static final Endpoint SUBMIT = new Endpoint(Side.COMMAND, "POST", "/api/problem-reports",
            Map.of("title", "t", "description", "d", "unit", "Amt 50", "policyFields", List.of("LANGUAGE")));
    static final Endpoint DETAILS = new Endpoint(Side.COMMAND, "POST", "/api/problem-reports/{id}/details", Map.of("details", "d"));
    static final Endpoint ACKNOWLEDGE = new Endpoint(Side.COMMAND, "POST", "/api/problem-reports/{id}/acknowledgement", Map.of());
    static final Endpoint PROPOSE = new Endpoint(Side.COMMAND, "POST", "/api/problem-reports/{id}/solution-proposals", Map.of("proposal", "p"));
    static final Endpoint CLOSE = new Endpoint(Side.COMMAND, "POST", "/api/problem-reports/{id}/closure",
            Map.of("outcome", "SOLVED", "resolution", "r"));
    static final Endpoint BOARD = new Endpoint(Side.QUERY, "GET", "/api/problem-reports", null);
    static final Endpoint REPORT = new Endpoint(Side.QUERY, "GET", "/api/problem-reports/{id}", null);
    /** The OParl interface: every role by default ({@code gremium.oparl.anonymous} is off). */
    static final Endpoint OPARL = new Endpoint(Side.QUERY, "GET", "/oparl/v1.1/body/magdeburg/meeting", null);

    static final String ANONYMOUS = "(anonymous)";
    static final String WRONG_PASSWORD = "(wrong password)";

    static Stream<Arguments> matrix() {
        // user -> expected status for SUBMIT, DETAILS (on anna's report), ACKNOWLEDGE, PROPOSE, CLOSE, BOARD, REPORT, OPARL
        Map<String, int[]> expected = new java.util.LinkedHashMap<>();
        expected.put("anna.amt50", new int[] {201, 204, 403, 201, 403, 200, 200, 200}); // member, author
        expected.put("jonas.fb32", new int[] {201, 403, 403, 201, 403, 200, 200, 200}); // member, not the author
        expected.put("koordinator", new int[] {201, 403, 204, 201, 204, 200, 200, 200});
        expected.put("buero.ob", new int[] {201, 403, 403, 201, 403, 200, 200, 200}); // mayor's office seat is a member too
        expected.put("leser", new int[] {403, 403, 403, 403, 403, 200, 200, 200});
        expected.put(ANONYMOUS, new int[] {401, 401, 401, 401, 401, 401, 401, 401});
        expected.put(WRONG_PASSWORD, new int[] {401, 401, 401, 401, 401, 401, 401, 401});
        List<Endpoint> endpoints = List.of(SUBMIT, DETAILS, ACKNOWLEDGE, PROPOSE, CLOSE, BOARD, REPORT, OPARL);
        List<Arguments> rows = new ArrayList<>();
        expected.forEach((user, statuses) -> {
            for (int i = 0; i < endpoints.size(); i++) {
                rows.add(Arguments.of(endpoints.get(i), user, statuses[i]));
            }
        });
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void everyEndpointAnswersEachRoleAsTheRulesOfProcedureSay(Endpoint endpoint, String user, int expectedStatus) {
        String id = freshReport();
        Http http = endpoint.side() == Side.COMMAND ? system.command : system.query;
        Http.Call call = switch (user) {
            case ANONYMOUS -> http.anonymous();
            case WRONG_PASSWORD -> new Http(baseOf(endpoint)).anonymous()
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("anna.amt50:falsch".getBytes()));
            default -> http.as(user);
        };
        String path = endpoint.path().replace("{id}", id);
        if (endpoint.side() == Side.QUERY && path.endsWith(id)) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> system.query.as("leser").get("/api/problem-reports/" + id).status() == 200);
        }
        Http.Response response = "GET".equals(endpoint.method()) ? call.get(path) : call.post(path, endpoint.body());
        assertThat(response.status()).as(response.toString()).isEqualTo(expectedStatus);
        if (expectedStatus >= 400) {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    private static String baseOf(Endpoint endpoint) {
        int port = de.gremium.platform.testing.Ports.of(endpoint.side() == Side.COMMAND
                ? system.running.commandSide() : system.running.querySide());
        return "http://127.0.0.1:" + port;
    }

    private static String freshReport() {
        Http.Response created = system.command.as("anna.amt50").post("/api/problem-reports", SUBMIT.body());
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asText();
    }
}
