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
import org.springframework.mock.web.MockHttpSession;

class BerichtEinreichenPageTest extends SeitenTest {

    private static final String BLANK_TITLE = """
            {"type":"urn:gremium:problem:validation-failed","title":"Invalid request","status":400,
             "detail":"The request has invalid fields.","errors":[{"field":"title","reason":"must not be blank"}]}""";

    @Test
    void aBlankTitleIsRefusedInGermanBesideTheTitleAndTheTypedDescriptionIsKept() throws Exception {
        units();
        apis.on("POST", "/api/problem-reports", 400, BLANK_TITLE, Map.of());

        String html = mvc.perform(post("/probleme/neu").with(as(MITGLIED)).with(csrf())
                        .param("title", " ").param("description", "Die Sprachkurse sind überbucht.")
                        .param("unit", "IV/01").param("policyFields", "LANGUAGE").param("idempotencyKey", "k-1"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<title>Fehler: Problem melden – Gremium</title>");
        assertThat(Html.text(html, "fehler-title")).isEqualTo("Fehler: Bitte füllen Sie „Titel“ aus.");
        assertThat(Html.tag(html, "feld-title")).contains("aria-invalid=\"true\"")
                .contains("aria-describedby=\"fehler-title hilfe-title\"");
        assertThat(Html.text(html, "feld-description")).isEqualTo("Die Sprachkurse sind überbucht.");
        assertThat(Html.tag(html, "feld-description")).doesNotContain("aria-invalid");
        assertThat(Html.text(html, "fehlerliste")).contains("Bitte füllen Sie „Titel“ aus.");
        assertThat(html).contains("href=\"#feld-title\"");
        assertThat(Html.tag(html, "feld-policyFields-LANGUAGE")).contains("checked");
        assertThat(Html.tag(html, "feld-policyFields")).doesNotContain("checked");
        assertThat(html).containsPattern("<option[^>]*value=\"IV/01\"[^>]*selected");
    }

    @Test
    void anAcceptedReportIsSentWithItsKeyAwaitedOnTheBoardAndThenShown() throws Exception {
        units();
        apis.on("POST", "/api/problem-reports", 201, "{\"id\":\"r-9\"}",
                Map.of("Location", apis.url() + "/api/problem-reports/r-9"));
        apis.get("/api/problem-reports/r-9", "{\"id\":\"r-9\",\"title\":\"Überbuchte Kurse\",\"version\":0}");

        mvc.perform(post("/probleme/neu").with(as(MITGLIED)).with(csrf())
                        .param("title", "Überbuchte Kurse").param("description", "Die Sprachkurse sind überbucht.")
                        .param("unit", "IV/01").param("policyFields", "LANGUAGE", "EMPLOYMENT").param("idempotencyKey", "k-2"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/probleme/r-9"))
                .andExpect(flash().attribute("erfolg", "Ihr Bericht ist eingereicht."));

        StubApi.Received sent = apis.received("POST", "/api/problem-reports").get(0);
        assertThat(sent.header("Idempotency-Key")).isEqualTo("k-2");
        assertThat(sent.body()).contains("\"title\":\"Überbuchte Kurse\"").contains("\"unit\":\"IV/01\"")
                .contains("\"policyFields\":[\"LANGUAGE\",\"EMPLOYMENT\"]");
        assertThat(apis.received("GET", "/api/problem-reports/r-9")).isNotEmpty();
    }

    @Test
    void aReportTheBoardDoesNotShowInTimeIsSaidToBeSavedWithALinkInsteadOfNotFound() throws Exception {
        units();
        apis.on("POST", "/api/problem-reports", 201, "{\"id\":\"r-10\"}", Map.of());

        var result = mvc.perform(post("/probleme/neu").with(as(MITGLIED)).with(csrf())
                        .param("title", "Kein Dolmetscher").param("description", "Im Bürgerbüro fehlt ein Dolmetscher.")
                        .param("unit", "IV/01").param("policyFields", "SOCIAL_CARE").param("idempotencyKey", "k-4"))
                .andExpect(redirectedUrl("/probleme/r-10"))
                .andExpect(flash().attribute("erfolg", "Gespeichert. Die Änderung erscheint in Kürze.")).andReturn();
        String html = mvc.perform(get("/probleme/r-10").with(as(MITGLIED)).flashAttrs(result.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(apis.received("GET", "/api/problem-reports/r-10").size()).isGreaterThan(10);
        assertThat(html).contains("<h1>Gespeichert</h1>").contains("Die Änderung erscheint in Kürze.")
                .contains("href=\"/probleme/r-10\"");
    }

    @Test
    void theFormOffersTheActiveUnitsByDepartmentAndThePolicyFieldsAsAGroupOfCheckboxes() throws Exception {
        units();

        String html = mvc.perform(get("/probleme/neu").with(as(MITGLIED))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<h1>Problem melden</h1>").contains("<optgroup label=\"Dezernat V\">")
                .contains("Sozial- und Wohnungsamt").doesNotContain("Amt für Statistik");
        assertThat(html).containsPattern("<fieldset[^>]*>\\s*<legend>Politikfelder</legend>");
        assertThat(html).contains("<label for=\"feld-policyFields-EMPLOYMENT\">");
        assertThat(html).containsPattern("name=\"idempotencyKey\" value=\"[0-9a-f-]{36}\"");
        assertThat(html).containsPattern("name=\"_csrf\"");
    }

    @Test
    void whatWasTypedBeforeTheSessionExpiredIsPutBackIntoTheForm() throws Exception {
        units();
        MockHttpSession session = new MockHttpSession();
        // a token the session does not hold: what a form shows after its session ended and a new one began
        mvc.perform(post("/probleme/neu").with(as(MITGLIED)).with(csrf().useInvalidToken()).session(session)
                        .param("title", "Kein Dolmetscher").param("description", "Im Bürgerbüro fehlt ein Dolmetscher.")
                        .param("unit", "IV/01").param("policyFields", "SOCIAL_CARE"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/anmelden?abgelaufen"));

        String html = mvc.perform(get("/probleme/neu").with(as(MITGLIED)).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(Html.tag(html, "feld-title")).contains("value=\"Kein Dolmetscher\"");
        assertThat(Html.text(html, "feld-description")).isEqualTo("Im Bürgerbüro fehlt ein Dolmetscher.");
        assertThat(Html.tag(html, "feld-policyFields-SOCIAL_CARE")).contains("checked");
        assertThat(apis.received("POST", "/api/problem-reports")).isEmpty();
    }

    @Test
    void aReaderIsToldThatOnlyMembersReportProblemsAndGetsNoForm() throws Exception {
        units();

        String html = mvc.perform(get("/probleme/neu").with(as(LESER))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Probleme melden können nur").doesNotContain("feld-title");
    }
}
