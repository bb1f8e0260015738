package de.gremium.query.api;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.RunningQuerySide;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every date, instant and year a query-side endpoint takes, given far outside any sensible range (year 999999999,
 * -5000, before 1900, after 2200, from after to, huge ranges): refused with a 400 problem document naming the
 * parameter, never a 500.
 */
class FarOutDatesApiTest {

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

    @Test
    void everyFarOutDateOrYearIsRefusedNamingItsParameter() {
        Map<String, String> cases = new LinkedHashMap<>();
        for (String instant : new String[] {"%2B999999999-12-31T23:59:59Z", "999999999-01-01T00:00:00Z",
                "-5000-01-01T00:00:00Z", "-5000", "1899-12-31T23:59:59Z", "2201-01-01T00:00:00Z", "-999999999999999999999",
                "99999999999999999999", "-9223372036854775808", "%2B1000000001-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
                "2026-02-30T00:00:00Z", "2026-01-01T25:00:00Z", "2026-01-01T00:00:00%2B25:00", "1e309", "NaN"}) {
            cases.put("/api/work-plan/2027?asOf=" + instant, "asOf");
            cases.put("/api/recommendations/empfehlung-1/trace?asOf=" + instant, "asOf");
            cases.put("/api/audit/events?from=" + instant, "from");
            cases.put("/api/audit/events?to=" + instant, "to");
            cases.put("/api/audit/people/anna/events?from=" + instant, "from");
            cases.put("/api/audit/aggregates/x/events?to=" + instant, "to");
        }
        for (String date : new String[] {"%2B999999999-12-31", "999999999-12-31", "-5000-01-01", "-5000", "1899-12-31",
                "2201-01-01", "0000-01-01", "2026-02-30", "99999999999999999999", "%2B1000000001-01-01"}) {
            cases.put("/api/units/amt-50/representatives?date=" + date, "date");
            cases.put("/api/reports/advisory-council?from=" + date + "&to=2026-12-31", "from");
            cases.put("/api/reports/advisory-council?from=2026-01-01&to=" + date, "to");
        }
        for (String year : new String[] {"999999999", "-5000", "1899", "2201", "99999999999999999999", "0"}) {
            cases.put("/api/work-plan/" + year, "year");
        }
        cases.put("/api/reports/advisory-council?from=1900-01-01&to=2200-12-31", "to");
        cases.put("/api/reports/advisory-council?from=2200-12-31&to=1900-01-01", "to");
        cases.put("/api/audit/events?from=2200-12-31T00:00:00Z&to=1900-01-01T00:00:00Z", "to");

        SoftAssertions softly = new SoftAssertions();
        cases.forEach((path, field) -> {
            Http.Response response = http.as("koordinator").get(path);
            softly.assertThat(response.status()).as(path + " " + response.body()).isEqualTo(400);
            if (response.status() == 400) {
                softly.assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
                softly.assertThat(response.json().at("/errors/0/field").asText()).as(path + " " + response.body())
                        .isEqualTo(field);
                softly.assertThat(response.json().at("/errors/0/reason").asText()).as(path).isNotBlank();
            }
        });
        softly.assertAll();
    }

    @Test
    void datesAtTheEdgesOfTheRangeAreAnswered() {
        assertThat(http.as("koordinator").get("/api/work-plan/2027?asOf=1900-01-01T00:00:00Z").status()).isEqualTo(200);
        assertThat(http.as("koordinator").get("/api/audit/events?from=1900-01-01T00:00:00Z&to=2200-12-31T23:59:59Z")
                .status()).isEqualTo(200);
        assertThat(http.as("koordinator").get("/api/units/amt-50/representatives?date=2200-12-31").status())
                .isIn(200, 404);
    }
}
