package de.gremium.intranet.probleme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.gremium.intranet.Html;
import de.gremium.intranet.StubApi;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BerichtPageTest extends SeitenTest {

    /** A report of m.mueller, acknowledged by k.koch, with a detail and a proposal; the ETag is its version. */
    static String report(String status, int version, String closure) {
        return """
                {"id":"r-1","title":"Überbuchte Sprachkurse","description":"Die Kurse im Oktober waren voll.\\nViele warten.",
                 "unit":"IV/01","policyFields":["LANGUAGE","EMPLOYMENT"],"status":"%s","submittedBy":"m.mueller",
                 "submittedAt":"2026-11-03T08:15:00Z",
                 "details":[{"details":"Auch im November.","addedBy":"m.mueller","addedAt":"2026-11-05T09:00:00Z"}],
                 "acknowledgement":{"note":"Wird beraten.","acknowledgedBy":"k.koch","acknowledgedAt":"2026-11-04T12:30:00Z"},
                 "solutionProposals":[{"proposalId":"p-1","proposal":"Mehr Kurse am Abend.","proposedBy":"x.extern",
                   "proposedAt":"2026-11-06T16:45:00Z"}],
                 %s
                 "addressedBy":[],"lastChangedAt":"2026-11-06T16:45:00Z","version":%d}"""
                .formatted(status, closure == null ? "" : "\"closure\":" + closure + ",", version);
    }

    private void reportWithVersion(String status, int version) {
        apis.on("GET", "/api/problem-reports/r-1", 200, report(status, version, null), Map.of("ETag", "\"" + version + "\""));
    }

    @Test
    void theReportShowsItsHistoryInOrderWithWhoAndWhen() throws Exception {
        members();
        reportWithVersion("ACKNOWLEDGED", 3);

        String html = mvc.perform(get("/probleme/r-1").with(as(LESER))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<h1>Überbuchte Sprachkurse</h1>").contains("<title>Überbuchte Sprachkurse – Gremium</title>")
                .contains(">angenommen<").contains("Spracherwerb</span><span>; </span><span>Berufsausbildung");
        String verlauf = html.substring(html.indexOf("<ol class=\"verlauf\">"), html.indexOf("</ol>", html.indexOf("<ol class=\"verlauf\">")))
                .replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        assertThat(verlauf).containsSubsequence(
                "Eingereicht von Maria Müller am 03.11.2026, 09:15 Uhr",
                "Angenommen von Karl Koch am 04.11.2026, 13:30 Uhr", "Wird beraten.",
                "Ergänzt von Maria Müller am 05.11.2026, 10:00 Uhr", "Auch im November.",
                "Lösung vorgeschlagen von x.extern am 06.11.2026, 17:45 Uhr", "Mehr Kurse am Abend.");
        assertThat(html).doesNotContain("<form action=\"/probleme/r-1/");
    }

    @Test
    void theCoordinatorMayAcknowledgeAndCloseAMemberMayNot() throws Exception {
        members();
        reportWithVersion("SUBMITTED", 0);

        String coordinator = mvc.perform(get("/probleme/r-1").with(as(KOORDINATION))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String member = mvc.perform(get("/probleme/r-1").with(as(new de.gremium.intranet.signin.SignedInUser(
                        "a.arslan", "Ayşe Arslan", java.util.List.of("MEMBER"))))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(coordinator).contains("action=\"/probleme/r-1/annahme\"").contains("action=\"/probleme/r-1/abschluss\"")
                .contains("Ich bestätige, dass dieser Bericht abgeschlossen werden soll.")
                .contains("<legend>Ergebnis</legend>").contains("an zuständige Stelle weitergeleitet");
        assertThat(member).doesNotContain("/probleme/r-1/annahme").doesNotContain("/probleme/r-1/abschluss")
                .contains("action=\"/probleme/r-1/vorschlag\"").doesNotContain("/probleme/r-1/ergaenzung");
        assertThat(coordinator).doesNotContain("/probleme/r-1/ergaenzung");
    }

    @Test
    void theAuthorMayAddDetailsSentWithTheVersionSeenAndIsBroughtBackOnceTheViewShowsThem() throws Exception {
        members();
        reportWithVersion("ACKNOWLEDGED", 3);
        String page = mvc.perform(get("/probleme/r-1").with(as(MITGLIED))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("action=\"/probleme/r-1/ergaenzung\"").contains("name=\"version\" value=\"3\"");
        apis.on("POST", "/api/problem-reports/r-1/details", 204, null, Map.of());
        reportWithVersion("ACKNOWLEDGED", 4);

        mvc.perform(post("/probleme/r-1/ergaenzung").with(as(MITGLIED)).with(csrf()).param("details", "Jetzt auch im Dezember.")
                        .param("version", "3").param("idempotencyKey", "k-3"))
                .andExpect(redirectedUrl("/probleme/r-1")).andExpect(flash().attribute("erfolg", "Ihre Ergänzung ist gespeichert."));

        StubApi.Received sent = apis.received("POST", "/api/problem-reports/r-1/details").get(0);
        assertThat(sent.header("If-Match")).isEqualTo("\"3\"");
        assertThat(sent.header("Idempotency-Key")).isEqualTo("k-3");
        assertThat(sent.body()).isEqualTo("{\"details\":\"Jetzt auch im Dezember.\"}");
    }

    @Test
    void closingWithoutTheConfirmationSendsNothingAndAsksForItBesideTheCheckbox() throws Exception {
        members();
        reportWithVersion("ACKNOWLEDGED", 3);

        String html = mvc.perform(post("/probleme/r-1/abschluss").with(as(KOORDINATION)).with(csrf())
                        .param("outcome", "SOLVED").param("resolution", "Zwei Abendkurse eingerichtet.").param("version", "3"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(apis.received("POST", "/api/problem-reports/r-1/closure")).isEmpty();
        assertThat(Html.text(html, "fehler-bestaetigt")).contains("Bitte bestätigen Sie, dass der Bericht abgeschlossen werden soll.");
        assertThat(Html.tag(html, "feld-bestaetigt")).contains("aria-invalid=\"true\"");
        assertThat(Html.text(html, "feld-resolution")).isEqualTo("Zwei Abendkurse eingerichtet.");
        assertThat(Html.tag(html, "feld-outcome")).contains("checked");
        assertThat(html).contains("<title>Fehler: Überbuchte Sprachkurse – Gremium</title>");
    }

    @Test
    void aConfirmedClosureIsSentWithOutcomeAndResolutionAndTheClosedReportIsShown() throws Exception {
        members();
        apis.on("POST", "/api/problem-reports/r-1/closure", 204, null, Map.of());
        apis.on("GET", "/api/problem-reports/r-1", 200, report("CLOSED", 4, """
                {"outcome":"REFERRED","resolution":"An die VHS.","closedBy":"k.koch","closedAt":"2026-12-01T10:00:00Z"}"""),
                Map.of("ETag", "\"4\""));

        mvc.perform(post("/probleme/r-1/abschluss").with(as(KOORDINATION)).with(csrf()).param("outcome", "REFERRED")
                        .param("resolution", "An die VHS.").param("bestaetigt", "true").param("version", "3"))
                .andExpect(redirectedUrl("/probleme/r-1")).andExpect(flash().attribute("erfolg", "Der Bericht ist abgeschlossen."));

        StubApi.Received sent = apis.received("POST", "/api/problem-reports/r-1/closure").get(0);
        assertThat(sent.body()).isEqualTo("{\"outcome\":\"REFERRED\",\"resolution\":\"An die VHS.\"}");
        assertThat(sent.header("If-Match")).isEqualTo("\"3\"");

        String html = mvc.perform(get("/probleme/r-1").with(as(KOORDINATION))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains(">abgeschlossen<").contains("(an zuständige Stelle weitergeleitet)")
                .doesNotContain("action=\"/probleme/r-1/abschluss\"").doesNotContain("action=\"/probleme/r-1/vorschlag\"");
    }

    @Test
    void aProposalToAReportChangedMeanwhileKeepsTheTextAndSaysSoInGerman() throws Exception {
        members();
        reportWithVersion("ACKNOWLEDGED", 5);
        apis.on("POST", "/api/problem-reports/r-1/solution-proposals", 409, """
                {"type":"urn:gremium:problem:conflict","title":"Concurrent modification","status":409,
                 "detail":"The report changed.","errors":[{"field":"If-Match","reason":"expected version 3 but is 5"}]}""", Map.of());

        String html = mvc.perform(post("/probleme/r-1/vorschlag").with(as(MITGLIED)).with(csrf())
                        .param("proposal", "Kurse in den Ferien.").param("version", "3"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(Html.text(html, "fehlerliste")).contains("Jemand hat diesen Bericht inzwischen geändert.");
        assertThat(Html.text(html, "feld-proposal")).isEqualTo("Kurse in den Ferien.");
        assertThat(html).contains("name=\"version\" value=\"5\"");
    }
}
