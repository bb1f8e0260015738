package de.gremium.intranet.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.gremium.intranet.Html;
import de.gremium.intranet.probleme.SeitenTest;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class StartPageTest extends SeitenTest {

    @BeforeEach
    void theGroupsLists() {
        apis.get("/api/meetings", """
                {"data":[
                  {"id":"m-3","year":2099,"quarter":2,"title":"Sitzung Q2","status":"SCHEDULED","start":"2099-04-20T14:00:00Z","agendaTopics":0},
                  {"id":"m-2","year":2099,"quarter":1,"title":"Sitzung Q1","status":"SCHEDULED","start":"2099-02-10T14:00:00Z","agendaTopics":2},
                  {"id":"m-1","year":2026,"quarter":1,"title":"Sitzung alt","status":"SCHEDULED","start":"2026-01-10T14:00:00Z","agendaTopics":1}],
                 "pagination":{"totalElements":3,"elementsPerPage":100,"currentPage":1,"totalPages":1},"links":{}}""");
        apis.get("/api/meetings/m-2", """
                {"id":"m-2","year":2099,"quarter":1,"title":"Sitzung Q1","status":"SCHEDULED","start":"2099-02-10T14:00:00Z",
                 "location":"Altes Rathaus, Raum 3",
                 "agenda":[{"agendaItemId":"a-1","kind":"PROBLEM_REPORT","referenceId":"r-1","title":"Überbuchte Sprachkurse"},
                           {"agendaItemId":"a-2","kind":"FREE","title":"Verschiedenes"}],"attendees":[],"guestsPresent":[]}""");
        apis.get("/api/meetings/m-4", "{\"id\":\"m-4\",\"title\":\"Sondersitzung Wohnen\",\"status\":\"PLANNED\"}");
        apis.get("/api/scheduling-polls", """
                {"data":[
                  {"pollId":"p-1","meetingId":"m-4","status":"OPEN","openedAt":"2026-12-01T08:00:00Z","candidates":3,
                   "answered":1,"notAnsweredCount":2,"notAnswered":"Karl Koch (k.koch), Maria Müller (m.mueller)"},
                  {"pollId":"p-2","meetingId":"m-5","status":"OPEN","openedAt":"2026-12-02T08:00:00Z","candidates":2,
                   "answered":2,"notAnsweredCount":1,"notAnswered":"Karl Koch (k.koch)"}],
                 "pagination":{"totalElements":2,"elementsPerPage":100,"currentPage":1,"totalPages":1},"links":{}}""");
        // the board as an API that does not know submittedBy yet answers it: everyone's reports
        apis.get("/api/problem-reports", """
                {"data":[
                  {"id":"r-2","title":"Formulare nur auf Deutsch","unit":"IV/01","status":"SUBMITTED","submittedBy":"k.koch",
                   "submittedAt":"2026-11-05T10:00:00Z","version":0},
                  {"id":"r-1","title":"Überbuchte Sprachkurse","unit":"IV/01","status":"CLOSED","submittedBy":"m.mueller",
                   "submittedAt":"2026-11-03T08:15:00Z","lastChangedAt":"2026-11-20T09:00:00Z",
                   "closure":{"outcome":"SOLVED","resolution":"Abendkurse.","closedBy":"k.koch","closedAt":"2026-11-20T09:00:00Z"},
                   "solutionProposals":[{"proposalId":"p-1","proposal":"Abendkurse.","proposedBy":"k.koch","proposedAt":"2026-11-10T09:00:00Z"}],
                   "version":4}],
                 "pagination":{"totalElements":2,"elementsPerPage":100,"currentPage":1,"totalPages":1},"links":{}}""");
        apis.get("/api/recommendations", """
                {"data":[{"id":"e-1","status":"FORMULATED","text":"Die Stadt richtet Abendkurse ein.","year":2026,
                  "formulatedAt":"2026-11-10T15:00:00Z","version":1},
                  {"id":"e-0","status":"DECIDED","text":"Alt.","year":2026,"formulatedAt":"2026-10-01T15:00:00Z","version":5}],
                 "pagination":{"totalElements":2,"elementsPerPage":20,"currentPage":1,"totalPages":1},"links":{}}""");
        apis.get("/api/network-feed", """
                {"data":[{"id":"n-1/1","projectId":"n-1","sequence":1,"kind":"ANNOUNCED","title":"AG Sprache: Sprachcafé – neu",
                  "occurredAt":"2026-11-12T11:00:00Z"}],
                 "pagination":{"totalElements":1,"elementsPerPage":20,"currentPage":1,"totalPages":1},"links":{}}""");
    }

    @Test
    void theStartPageShowsTheNextMeetingWithItsAgendaAndThePollWaitingForMyAnswer() throws Exception {
        String html = mvc.perform(get("/").with(as(MITGLIED))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Guten Tag, <span>Maria Müller</span>");
        assertThat(html).contains("href=\"/sitzungen/m-2\"").contains("Sitzung Q1").contains("10.02.2099, 15:00 Uhr")
                .contains("Altes Rathaus, Raum 3").containsSubsequence("Überbuchte Sprachkurse", "(Problembericht)",
                        "Verschiedenes", "(freies Thema)");
        assertThat(html).contains("href=\"/terminumfragen/p-1\"").contains("Terminumfrage: Sondersitzung Wohnen")
                .doesNotContain("/terminumfragen/p-2");
        assertThat(apis.received("GET", "/api/scheduling-polls").get(0).query()).isEqualTo("status=OPEN&size=100");
    }

    @Test
    void myReportsAreShownWithWhatBecameOfThemAndNoOneElses() throws Exception {
        String html = mvc.perform(get("/").with(as(MITGLIED))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        String mine = Html.text(html, "berichte-titel") + html.substring(html.indexOf("<caption>Ihre Berichte"),
                html.indexOf("</table>"));
        assertThat(mine).contains("href=\"/probleme/r-1\"").contains(">abgeschlossen<").contains("(gelöst)")
                .contains("20.11.2026").contains("<td class=\"zahl\">1</td>").doesNotContain("r-2");
        assertThat(apis.received("GET", "/api/problem-reports")).anyMatch(r -> "submittedBy=m.mueller&size=100".equals(r.query()));
    }

    @Test
    void anApiThatRefusesTheSubmitterFilterIsAskedForItsFirstPageWhichIsFilteredHere() throws Exception {
        apis.on("GET", "/api/problem-reports?submittedBy=m.mueller&size=100", 400, """
                {"type":"urn:gremium:problem:validation-failed","title":"Invalid request","status":400,
                 "errors":[{"field":"submittedBy","reason":"unknown parameter"}]}""", java.util.Map.of());

        String html = mvc.perform(get("/").with(as(MITGLIED))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(apis.received("GET", "/api/problem-reports")).anyMatch(r -> "size=100".equals(r.query()));
        assertThat(html).contains("href=\"/probleme/r-1\"").contains("neuesten 100");
        assertThat(html.substring(html.indexOf("<caption>Ihre Berichte"), html.indexOf("</table>"))).doesNotContain("r-2");
    }

    @Test
    void whatCameAfterTheLastVisitIsListedAndTheVisitIsRemembered() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/").with(as(MITGLIED))
                        .cookie(new Cookie("gremium-letzter-besuch", "2026-11-04T00:00:00Z")))
                .andExpect(status().isOk()).andReturn().getResponse();
        String html = response.getContentAsString();
        String neu = html.substring(html.indexOf("id=\"neu-titel\""), html.indexOf("id=\"berichte-titel\""));

        assertThat(neu).contains("04.11.2026, 01:00 Uhr").containsSubsequence("AG Sprache: Sprachcafé – neu",
                "Die Stadt richtet Abendkurse ein.", "Formulare nur auf Deutsch");
        assertThat(neu).contains("href=\"/probleme/r-2\"").contains("href=\"/empfehlungen/e-1\"").contains("href=\"/netzwerk\"")
                .doesNotContain("Überbuchte Sprachkurse").doesNotContain("Alt.");
        String cookie = response.getHeader("Set-Cookie");
        assertThat(cookie).startsWith("gremium-letzter-besuch=").contains("HttpOnly").contains("SameSite=Lax")
                .contains("Max-Age=31536000").contains("Path=/");
        Instant remembered = Instant.parse(cookie.substring("gremium-letzter-besuch=".length(), cookie.indexOf(';')));
        assertThat(remembered).isBetween(Instant.now().minusSeconds(60), Instant.now());
    }

    @Test
    void aFirstVisitSaysSoInsteadOfListingEverything() throws Exception {
        String html = mvc.perform(get("/").with(as(MITGLIED))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Ab Ihrem nächsten Besuch steht hier, was seitdem neu ist.")
                .doesNotContain("href=\"/empfehlungen/e-1\"");
        assertThat(apis.received("GET", "/api/recommendations")).isEmpty();
    }
}
