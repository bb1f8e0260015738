package de.gremium.intranet.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

class SearchPageTest extends PageTestSupport {

    /** A snippet as Lucene's passage formatter writes it: text escaped, matches in mark. */
    static final String HITS = """
            {"data":[
              {"kind":"report","id":"B-1","title":"Sprachkurs <voll>","link":"/api/problem-reports/B-1","score":2.5,
               "snippet":"Der &lt;script&gt;alert(1)&lt;&#x2F;script&gt; <mark>Sprachkurs</mark> ist &quot;voll&quot; &amp; teuer",
               "policyFields":["LANGUAGE"],"year":2026},
              {"kind":"network-project","id":"P-1","title":"Sprachcafé","link":"/api/network-projects/P-1","score":1.0,
               "snippet":"<mark>Sprach</mark>café","policyFields":[],"year":2026}],
             "pagination":{"totalElements":2,"elementsPerPage":20,"currentPage":1,"totalPages":1},"links":{}}
            """;

    @Test
    void hitsShowTheirPassageWithOnlyTheMarksAsMarkupAndLinkToTheirIntranetPage() throws Exception {
        API.get("/api/search", HITS);

        String html = page("/suche?q=Sprachkurs&art=report&feld=LANGUAGE", 200);

        assertThat(API.requests()).containsExactly(
                "/api/search?q=Sprachkurs&kind=report&policyField=LANGUAGE&page=1&size=20");
        assertThat(html).contains("<mark>Sprachkurs</mark>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert").contains("&quot;voll&quot; &amp; teuer")
                .contains("href=\"/probleme/B-1\"").contains("Sprachkurs &lt;voll&gt;")
                .contains("href=\"/netzwerk/projekte/P-1\"").contains("<mark>Sprach</mark>café")
                .contains("Problemmeldung").contains("Netzwerkprojekt").contains("Spracherwerb")
                .contains("<option value=\"report\" selected=\"selected\">Problemmeldung</option>");
    }

    @Test
    void aTooLongQueryIsRefusedBesideTheFieldWithoutAskingTheApi() throws Exception {
        String html = page("/suche?q=" + "a".repeat(201), 400);

        assertThat(html).contains("id=\"fehler-q\"").contains("höchstens 200 Zeichen");
        assertThat(API.requests()).isEmpty();
    }

    @Test
    void aYearFiltersTheSearchAndAnUnknownYearIsRefusedBesideItsField() throws Exception {
        API.get("/api/search", HITS);

        page("/suche?q=Sprachkurs&jahr=2026", 200);
        String html = page("/suche?q=Sprachkurs&jahr=20x6", 400);

        assertThat(API.requests()).containsExactly("/api/search?q=Sprachkurs&year=2026&page=1&size=20");
        assertThat(html).contains("id=\"fehler-jahr\"").contains("ein Jahr zwischen 1900 und 2200")
                .contains("value=\"20x6\"").contains("<title>Fehler: Suche – Gremium</title>");
    }

    @Test
    void whileTheIndexIsBuiltThePageSaysSo() throws Exception {
        API.on("GET", "/api/search", 503, """
                {"type":"urn:gremium:problem:not-ready","title":"Not ready","status":503,"detail":"building"}
                """);

        String html = page("/suche?q=Sprachkurs", 503);

        assertThat(html).contains("Die Suche wird gerade aufgebaut");
    }

    private String page(String path, int status) throws Exception {
        return mvc.perform(get(path).with(member())).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString();
    }
}
