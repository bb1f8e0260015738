package de.gremium.query.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.gremium.embedded.EmbeddedViewServer;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import de.gremium.platform.web.ProblemTypes;
import de.gremium.query.QuerySideApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The query side on a view server of this test's own, which the test takes off the network and back: while the
 * views' store is away, reads answer 503 with Retry-After (not 500) and the application's health is down; once it
 * is back, both recover without a restart.
 */
class ViewStoreOutageTest {

    private static EmbeddedViewServer server;
    private static ConfigurableApplicationContext context;
    private static Http http;

    @BeforeAll
    static void start() {
        server = EmbeddedViewServer.inMemory(TestStore.freePort());
        String database = TestStore.newRecord();
        List<String> args = new ArrayList<>(TestStore.common());
        args.addAll(TestStore.record(database));
        args.add("--gremium.mongodb.uri=" + server.connectionString());
        args.add("--gremium.mongodb.database=" + database);
        args.add("--gremium.mongodb.server-selection-timeout=1s");
        context = QuerySideApplication.start(args.toArray(String[]::new));
        http = Http.on(Ports.of(context));
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        server.close();
    }

    @Test
    void whileTheViewStoreIsAwayReadsAnswer503AndItsHealthIsDownThenBothRecover() {
        assertThat(http.as("leser").get("/api/problem-reports").status()).isEqualTo(200);
        assertThat(health()).isEqualTo("200 UP");

        server.goOffline();
        try {
            Http.Response away = http.as("leser").get("/api/problem-reports");
            assertThat(away.status()).as(away.body()).isEqualTo(503);
            assertThat(away.header("Retry-After")).isEqualTo("5");
            assertThat(away.json().get("type").asText()).isEqualTo(ProblemTypes.STORE_UNAVAILABLE.toString());
            assertThat(health()).isEqualTo("503 DOWN");
        } finally {
            server.goOnline();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.as("leser").get("/api/problem-reports").status()).isEqualTo(200));
        assertThat(health()).isEqualTo("200 UP");
    }

    /**
     * The status code and status of the application's health, which the view store's contributor is part of (the
     * record's stays up all along). Its own path, {@code /actuator/health/viewStore}, is not shown: components are
     * shown only with details.
     */
    private static String health() {
        Http.Response health = http.anonymous().get("/actuator/health");
        return health.status() + " " + (health.body().isEmpty() ? health.body() : health.json().path("status").asText(health.body()));
    }
}
