package de.gremium.command;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The command side's rules as a client meets them: each answered once, the same way on every endpoint. */
class RulesApiTest {

    static ConfigurableApplicationContext app;
    static Http http;

    @BeforeAll
    static void start() {
        app = CommandSideApplication.start(TestStore.fresh().toArray(String[]::new));
        http = Http.on(Ports.of(app));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static void assertForbidden(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:gremium:problem:forbidden");
        assertThat(response.json().has("errors")).as("no list of invalid fields for a caller without the role").isFalse();
    }

    @Test
    void aReaderPostingAnInvalidBodyToACoordinatorEndpointIsForbiddenNotToldWhichFieldsAreInvalid() {
        assertForbidden(http.as("leser").post("/api/network-projects", Map.of("title", " ", "policyFields", List.of())));
        assertForbidden(http.as("leser").post("/api/meetings", Map.of("year", 1999, "quarter", 5)));
        assertForbidden(http.as("leser").post("/api/indicators", Map.of("code", "kein code")));
    }

    @Test
    void aMemberSendingMalformedJsonToACoordinatorEndpointIsForbidden() {
        assertForbidden(http.as("anna.amt50").post("/api/meetings", "{\"year\":"));
        assertForbidden(http.as("anna.amt50").post("/api/group/units", "[1, 2"));
    }

    @Test
    void aMemberSendingADateOutsideTheBoundsToACoordinatorEndpointIsForbidden() {
        assertForbidden(http.as("anna.amt50").post("/api/scheduling-polls",
                Map.of("meetingId", "regular-2027-Q1", "extraSlots", List.of("3000-01-06T13:00:00+01:00"))));
    }

    @Test
    void theRightRoleWithAnInvalidBodyIsToldEveryInvalidField() {
        Http.Response response = http.as("koordinator").post("/api/network-projects",
                Map.of("workingGroup", "LANGUAGE", "title", " ", "description", "d", "policyFields", List.of(), "status", "PLANNED"));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("policyFields", "title");
    }
}
