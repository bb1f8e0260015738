package de.gremium.intranet.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

class AuditPageTest extends PageTestSupport {

    static final String EVENTS = """
            {"data":[{"position":17,"eventId":"e-17","eventType":"ProblemReported","aggregateType":"ProblemReport",
               "aggregateId":"B-1","sequenceNumber":0,"timestamp":"2026-02-01T09:00:00Z","userId":"mara",
               "correlationId":"c-1","payload":{"title":"Kita-Plätze <fehlen>"}}],
             "pagination":{"totalElements":1,"elementsPerPage":50,"currentPage":1,"totalPages":1},"links":{}}
            """;

    @Test
    void aMemberIsRefusedTheAuditPage() throws Exception {
        String html = mvc.perform(get("/pruefung").with(member())).andExpect(status().isForbidden()).andReturn()
                .getResponse().getContentAsString();

        assertThat(html).contains("Keine Berechtigung").contains("der Koordination vorbehalten");
        assertThat(API.requests()).isEmpty();
    }

    @Test
    void theCoordinatorSeesTheHistoryOfAnItem() throws Exception {
        API.get("/api/audit/aggregates/B-1/events", EVENTS);

        String html = page("/pruefung?art=vorgang&kennung=B-1");

        assertThat(API.requests()).containsExactly("/api/audit/aggregates/B-1/events?page=1&size=50");
        assertThat(html).contains("<h1>Prüfung der Ereignisse</h1>").contains("ProblemReported")
                .contains("01.02.2026, 10:00 Uhr").contains(">mara<").contains("Kita-Plätze &lt;fehlen&gt;")
                .doesNotContain("<fehlen>");
    }

    @Test
    void theCoordinatorSeesTheHistoryOfAPerson() throws Exception {
        API.get("/api/audit/people/mara/events", EVENTS);

        String html = page("/pruefung?art=person&kennung=mara");

        assertThat(API.requests()).containsExactly("/api/audit/people/mara/events?page=1&size=50");
        assertThat(html).contains("der Person").contains("ProblemReported");
    }

    @Test
    void anIntactChainIsReportedInWords() throws Exception {
        API.get("/api/audit/verification", """
                {"verified":1234,"intact":true,"headChainHash":"ab12","storedEvents":1234,"checkedAt":"2026-12-07T12:00:00Z"}
                """);

        String html = page("/pruefung?kette=pruefen");

        assertThat(html).contains("Ergebnis: Die Kette ist unversehrt.").contains("1.234")
                .contains("keines wurde nach der Verkettung verändert").contains("07.12.2026, 13:00 Uhr");
    }

    @Test
    void aBrokenChainNamesTheFirstBrokenLinkAndWhyInGerman() throws Exception {
        API.get("/api/audit/verification", """
                {"verified":16,"intact":false,"firstBrokenEventId":"e-17","position":17,"reason":"content changed",
                 "headChainHash":"ab12","storedEvents":20,"checkedAt":"2026-12-07T12:00:00Z"}
                """);

        String html = page("/pruefung?kette=pruefen");

        assertThat(html).contains("Ergebnis: Die Kette ist beschädigt.").contains("<strong>17</strong>")
                .contains("e-17").contains("Der Inhalt des Ereignisses wurde nach der Verkettung verändert.")
                .contains("<span>4</span> mehr als geprüft");
    }

    @Test
    void anEmptyIdIsRefusedBesideItsField() throws Exception {
        String html = mvc.perform(get("/pruefung?art=vorgang&kennung=").with(coordinator()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"fehler-kennung\"").contains("Bitte geben Sie eine Kennung ein.");
    }

    @Test
    void aPathInsteadOfAnIdIsRefusedBesideItsFieldAndNeverReachesTheApi() throws Exception {
        for (String kennung : new String[] {"..", "a/b", "x%3Fy"}) {
            String html = mvc.perform(get("/pruefung").param("art", "person").param("kennung", kennung).with(coordinator()))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
            assertThat(html).as(kennung).contains("id=\"fehler-kennung\"").contains("Eine Kennung besteht aus Buchstaben");
        }
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(coordinator())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
