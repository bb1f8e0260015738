package de.gremium.intranet.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

class ReportPageTest extends PageTestSupport {

    static final String REPORT = """
            {"from":"2026-01-01","to":"2026-12-31","timeZone":"Europe/Berlin","generatedAt":"2026-12-07T12:00:00Z",
             "summary":{"meetingsHeld":1,"meetingsCancelled":0,"recommendationsFormulated":1,"recommendationsSubmitted":0,
               "mayorsDecisions":1,"problemReportsSubmitted":1,"problemReportsClosed":0,"networkProjectsAnnounced":1,
               "networkProjectsCompleted":0,"networkProjectsDropped":0,"measuresAdopted":1,"verdictChanges":1},
             "meetings":{"held":[{"meetingId":"S-1","title":"3. Sitzung","kind":"REGULAR","date":"2026-03-04","attendees":7,
               "guests":2,"agendaItems":4}],"cancelled":[]},
             "recommendations":{"formulated":[{"recommendationId":"R-1","text":"Mehr Sprachkurse","policyFields":["LANGUAGE"],
               "meetingId":"S-1","meetingTitle":"3. Sitzung","formulatedOn":"2026-03-04"}],"submitted":[],
               "decisions":[{"recommendationId":"R-1","text":"Mehr Sprachkurse","decision":"ACCEPTED_WITH_MODIFICATIONS",
                 "decidedOn":"2026-05-01"}]},
             "problemReports":{"submitted":1,"closed":0,"byUnit":[{"unit":"Amt 50","submitted":[{"reportId":"B-1",
               "title":"Kita-Plätze fehlen","submittedOn":"2026-02-01"}],"closed":[]}]},
             "networkProjects":[{"workingGroup":"LANGUAGE","announced":[{"projectId":"P-1","title":"Sprachcafé",
               "status":"PLANNED","announcedOn":"2026-01-05"}],"completed":[],"dropped":[]},
               {"workingGroup":"INTERCULTURE_SOCIAL","announced":[],"completed":[],"dropped":[]},
               {"workingGroup":"WORK_TRAINING","announced":[],"completed":[],"dropped":[]}],
             "monitoring":{"measuresAdopted":[{"measureId":"M-1","title":"Mehr Kursplätze","recommendationId":"R-1",
               "adoptedOn":"2026-06-01"}],"verdictChanges":[{"measureId":"M-1","title":"Mehr Kursplätze","verdict":"ON_TRACK",
               "previous":"NOT_MEASURABLE_YET","basis":"SPR-1 2026","changedOn":"2026-09-01"}]}}
            """;

    @Test
    void withoutAPeriodTheFormAloneIsShown() throws Exception {
        String html = page("/bericht", 200);

        assertThat(html).contains("<h1>Tätigkeitsbericht für den Beirat</h1>").contains("<label for=\"feld-from\">Von</label>")
                .contains("name=\"von\"").contains("name=\"bis\"").doesNotContain("Überblick");
        assertThat(API.requests()).isEmpty();
    }

    @Test
    void germanDaysAreAskedForInIsoAndTheReportIsShownWithAPrintHint() throws Exception {
        API.get("/api/reports/advisory-council", REPORT);

        String html = page("/bericht?von=01.01.2026&bis=31.12.2026", 200);

        assertThat(API.requests()).containsExactly("/api/reports/advisory-council?from=2026-01-01&to=2026-12-31");
        assertThat(html).contains("Nutzen Sie die Druckfunktion Ihres Browsers")
                .contains("Bericht vom <span>01.01.2026</span> bis\n      <span>31.12.2026</span>")
                .contains("3. Sitzung").contains("reguläre Sitzung").contains("04.03.2026")
                .contains("mit Änderungen angenommen").contains("Amt 50").contains("Kita-Plätze fehlen")
                .contains("Sprachcafé").contains("AG Interkultur und Soziales").contains("Mehr Kursplätze")
                .contains("„<span>auf Kurs</span>“").contains("value=\"01.01.2026\"");
    }

    @Test
    void aDayTheApiRefusesIsNamedInGermanBesideItsFieldWithTheTypedTextKept() throws Exception {
        API.on("GET", "/api/reports/advisory-council", 400, """
                {"type":"urn:gremium:problem:invalid","title":"Invalid","status":400,
                 "detail":"Parameter 'from' is invalid.","errors":[{"field":"from","reason":"'31.02.2026' is not a valid value"}]}
                """);

        String html = page("/bericht?von=31.02.2026&bis=31.12.2026", 400);

        assertThat(html).contains("<title>Fehler: Tätigkeitsbericht – Gremium</title>")
                .contains("id=\"fehler-from\"").contains("„Von“ ist kein gültiges Datum. Bitte geben Sie es als TT.MM.JJJJ ein.")
                .contains("value=\"31.02.2026\"").contains("aria-invalid=\"true\"")
                .contains("aria-describedby=\"hilfe-from fehler-from\"").contains("href=\"#feld-from\"")
                .doesNotContain("id=\"fehler-to\"");
        int error = html.indexOf("id=\"fehler-from\"");
        assertThat(error).isLessThan(html.indexOf("id=\"feld-from\"")).isGreaterThan(html.indexOf("for=\"feld-from\""));
    }

    @Test
    void anEndBeforeTheStartIsNamedBesideBis() throws Exception {
        API.on("GET", "/api/reports/advisory-council", 400, """
                {"type":"urn:gremium:problem:invalid","title":"Invalid","status":400,"detail":"invalid",
                 "errors":[{"field":"to","reason":"'to' (2026-01-01) is before 'from' (2026-12-31)"}]}
                """);

        String html = page("/bericht?von=2026-12-31&bis=2026-01-01", 400);

        assertThat(html).contains("id=\"fehler-to\"").contains("„Bis“ darf nicht vor „Von“ liegen.")
                .contains("value=\"2026-01-01\"").doesNotContain("id=\"fehler-from\"");
    }

    @Test
    void aMissingEndIsAskedForWithoutAskingTheApi() throws Exception {
        String html = page("/bericht?von=01.01.2026&bis=", 400);

        assertThat(html).contains("id=\"fehler-to\"").contains("Bitte füllen Sie „Bis“ aus.");
        assertThat(API.requests()).isEmpty();
    }

    private String page(String path, int status) throws Exception {
        return mvc.perform(get(path).with(member())).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString();
    }
}
