package de.gremium.query;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Authorization before validation on the query side: a caller whose role does not allow a view is answered 403,
 * whatever its parameters, and learns nothing of which are invalid; the right role is told every invalid one.
 */
class RolesBeforeValidationApiTest {

    static RunningQuerySide side;
    static Http http;

    @BeforeAll
    static void start() {
        side = RunningQuerySide.start(TestStore.newRecord());
        http = Http.on(Ports.of(side.context()));
    }

    @AfterAll
    static void stop() {
        side.close();
    }

    static void assertForbidden(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:gremium:problem:forbidden");
    }

    @Test
    void aReaderAskingTheAuditWithInvalidParametersIsForbiddenNotToldWhichAreInvalid() {
        for (String path : new String[] {"/api/audit/events?from=gestern", "/api/audit/events?size=100000",
                "/api/audit/events?format=pdf", "/api/audit/people/anna.amt50/events?to=3000-01-01T00:00:00Z"}) {
            Http.Response response = http.as("leser").get(path);
            assertForbidden(response);
            assertThat(response.json().has("errors")).as(path).isFalse();
        }
    }

    @Test
    void aMemberAskingForAViewAsOfAPastInstantIsForbiddenWhateverTheInstant() {
        for (String path : new String[] {"/api/work-plan/2027?asOf=2026-10-01T00:00:00Z",
                "/api/work-plan/2027?asOf=3000-01-01T00:00:00Z", "/api/work-plan/2027?asOf=gestern",
                "/api/recommendations/r-1/trace?asOf=1800-01-01T00:00:00Z", "/api/recommendations/r-1/trace?asOf=gestern"}) {
            Http.Response response = http.as("anna.amt50").get(path);
            assertForbidden(response);
            assertThat(response.json().at("/errors/0/field").asText()).as(path).isEqualTo("asOf");
        }
    }

    @Test
    void theCoordinatorIsToldWhyTheInstantIsInvalid() {
        Http.Response response = http.as("koordinator").get("/api/work-plan/2027?asOf=3000-01-01T00:00:00Z");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("asOf");
    }

    @Test
    void aReaderIsToldWhichParameterOfAViewOpenToReadersIsInvalid() {
        Http.Response response = http.as("leser").get("/api/problem-reports?size=1000");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("type").asText()).isEqualTo("urn:gremium:problem:validation-failed");
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("size");
    }
}
