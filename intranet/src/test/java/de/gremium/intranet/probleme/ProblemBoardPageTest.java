package de.gremium.intranet.probleme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.gremium.intranet.Html;
import org.junit.jupiter.api.Test;

class ProblemBoardPageTest extends SeitenTest {

    static final String BOARD = """
            {"data":[
              {"id":"r-1","title":"Überbuchte Sprachkurse","description":"…","unit":"IV/01","policyFields":["LANGUAGE"],
               "status":"ACKNOWLEDGED","submittedBy":"m.mueller","submittedAt":"2026-11-03T08:15:00Z","version":2},
              {"id":"r-2","title":"Formulare nur auf Deutsch","description":"…","unit":"Sozial- und Wohnungsamt",
               "policyFields":["INTERCULTURAL_OPENING","SOCIAL_CARE"],"status":"SUBMITTED","submittedBy":"k.koch",
               "submittedAt":"2026-10-01T10:00:00Z","version":0}],
             "pagination":{"totalElements":42,"elementsPerPage":20,"currentPage":2,"totalPages":3},
             "links":{"first":"x","prev":"x","next":"x","last":"x"}}""";

    @Test
    void theBoardListsTheReportsWithStatusUnitDateAndALinkToEach() throws Exception {
        units();
        apis.get("/api/problem-reports", BOARD);

        String html = mvc.perform(get("/probleme").with(as(LESER))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<h1>Probleme</h1>").contains("href=\"/probleme/r-1\"").contains("Überbuchte Sprachkurse")
                .contains("href=\"/probleme/r-2\"");
        assertThat(html).contains(">angenommen<").contains(">eingereicht<").contains("03.11.2026")
                .contains("interkulturelle Öffnung der Regelangebote");
        assertThat(Html.tag(html, "ergebnis-titel")).contains("data-ansage=\"42 Berichte gefunden\"");
        assertThat(html).doesNotContain("Problem melden</a>");
    }

    @Test
    void theFiltersGoToTheBoardKeepTheirChoiceAndPageWithTheSameFilters() throws Exception {
        units();
        apis.get("/api/problem-reports", BOARD);

        String html = mvc.perform(get("/probleme").param("status", "ACKNOWLEDGED").param("einheit", "IV/01")
                        .param("politikfeld", "LANGUAGE").param("seite", "2").with(as(MITGLIED)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(apis.received("GET", "/api/problem-reports").get(0).query())
                .isEqualTo("status=ACKNOWLEDGED&unit=IV%2F01&policyField=LANGUAGE&page=2&size=20");
        assertThat(html).containsPattern("<option value=\"ACKNOWLEDGED\" selected")
                .containsPattern("<option value=\"IV/01\" selected").containsPattern("<option value=\"LANGUAGE\" selected");
        assertThat(html).contains("Seite 2 von 3")
                .contains("href=\"/probleme?status=ACKNOWLEDGED&amp;einheit=IV/01&amp;politikfeld=LANGUAGE&amp;seite=1\"")
                .contains("href=\"/probleme?status=ACKNOWLEDGED&amp;einheit=IV/01&amp;politikfeld=LANGUAGE&amp;seite=3\"");
        assertThat(html).contains("hx-get=\"/probleme\"").contains("hx-target=\"#ergebnis-rahmen\"").contains("hx-select=\"#ergebnis\"").contains("hx-push-url=\"true\"");
        assertThat(html).contains("Problem melden</a>");
    }

    @Test
    void anUnknownStatusOrPolicyFieldIsLeftOutRatherThanSent() throws Exception {
        units();
        apis.get("/api/problem-reports", BOARD);

        mvc.perform(get("/probleme").param("status", "GELB").param("politikfeld", "GARDENING").param("seite", "x")
                .with(as(MITGLIED))).andExpect(status().isOk());

        assertThat(apis.received("GET", "/api/problem-reports").get(0).query()).isEqualTo("page=1&size=20");
    }

    @Test
    void wordsAreSearchedAmongTheReportsAndTheMatchedPassageIsShownWithoutForeignMarkup() throws Exception {
        units();
        apis.get("/api/search", """
                {"data":[{"kind":"report","id":"r-1","title":"Überbuchte Sprachkurse","link":"/api/problem-reports/r-1",
                  "score":2.5,"snippet":"Die <mark>Sprachkurse</mark> sind voll <script>x</script>",
                  "policyFields":["LANGUAGE"],"year":2026}],
                 "pagination":{"totalElements":1,"elementsPerPage":20,"currentPage":1,"totalPages":1},"links":{}}""");

        String html = mvc.perform(get("/probleme").param("suche", "Sprachkurse").param("politikfeld", "LANGUAGE")
                .with(as(MITGLIED))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(apis.received("GET", "/api/search").get(0).query())
                .isEqualTo("q=Sprachkurse&kind=report&policyField=LANGUAGE&page=1&size=20");
        assertThat(apis.received("GET", "/api/problem-reports")).isEmpty();
        assertThat(html).contains("Die <mark>Sprachkurse</mark> sind voll &lt;script>x&lt;/script>")
                .contains("href=\"/probleme/r-1\"").contains("data-ansage=\"1 Bericht gefunden\"");
        assertThat(Html.tag(html, "feld-suche")).contains("value=\"Sprachkurse\"");
    }

    @Test
    void aSearchIndexStillBeingBuiltIsSaidInGermanInsteadOfAnErrorPage() throws Exception {
        units();
        apis.on("GET", "/api/search", 503, """
                {"type":"urn:gremium:problem:store-unavailable","title":"Not ready","status":503,
                 "detail":"The search index is still being built from the record; retry in a moment."}""", java.util.Map.of());

        String html = mvc.perform(get("/probleme").param("suche", "Kurse").with(as(MITGLIED)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Die Suche wird gerade vorbereitet.").contains("0 Berichte gefunden");
    }
}
