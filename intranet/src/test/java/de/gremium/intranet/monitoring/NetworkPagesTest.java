package de.gremium.intranet.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.gremium.intranet.StubApi;
import org.junit.jupiter.api.Test;

class NetworkPagesTest extends PageTestSupport {

    static final String FEED = """
            {"data":[{"id":"P-1/1","projectId":"P-1","sequence":1,"kind":"UPDATED","title":"AG Sprache: Sprachcafé – aktualisiert",
               "workingGroup":"LANGUAGE","projectTitle":"Sprachcafé","policyFields":["LANGUAGE"],"status":"RUNNING",
               "startDate":"2026-01-01","changes":[{"field":"endDate","before":"2026-06-30","after":"2026-12-31"}],
               "actor":"kim","occurredAt":"2026-03-02T09:30:00Z"}],
             "pagination":{"totalElements":41,"elementsPerPage":20,"currentPage":1,"totalPages":3},
             "links":{"first":"/api/network-feed?page=1","next":"/api/network-feed?page=2","last":"/api/network-feed?page=3"}}
            """;

    static final String PROJECTS = """
            {"data":[{"id":"P-1","workingGroup":"LANGUAGE","title":"Sprachcafé","status":"RUNNING","policyFields":"LANGUAGE",
               "startDate":"2026-01-01","endDate":"2026-12-31","announcedAt":"2026-01-01T08:00:00Z","version":2}],
             "pagination":{"totalElements":1,"elementsPerPage":100,"currentPage":1,"totalPages":1},"links":{}}
            """;

    static final String ATOM = """
            <?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">\
            <id>tag:gremium.magdeburg.de,2026:network-feed</id><title>Netzwerk – Projekte</title></feed>""";

    @Test
    void theNetworkPageShowsTheFeedEntriesTheProjectsAndALinkToTheAtomFeed() throws Exception {
        API.get("/api/network-feed", FEED).get("/api/network-projects", PROJECTS);

        String html = mvc.perform(get("/netzwerk").with(member())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();

        assertThat(html).contains("<h1>Netzwerk für Integrations- und Ausländerarbeit</h1>")
                .contains("AG Sprache: Sprachcafé – aktualisiert").contains("02.03.2026, 10:30 Uhr")
                .contains("<span>Ende</span> geändert").contains("30.06.2026").contains("laufend").contains("href=\"/netzwerk.atom\"")
                .contains("href=\"/netzwerk/projekte/P-1\"").contains("Seite <span>1</span> von <span>3</span>")
                .contains("href=\"/netzwerk?seite=2\"");
        assertThat(API.requests()).contains("/api/network-feed?page=1&size=20", "/api/network-projects?size=100");
    }

    @Test
    void theAtomFeedIsPassedThroughWithItsContentType() throws Exception {
        API.on("GET", "/api/network-feed.atom", new StubApi.Answer(200, "application/atom+xml;charset=UTF-8", ATOM));

        mvc.perform(get("/netzwerk.atom").with(member()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/atom+xml")))
                .andExpect(content().string(ATOM));
    }

    @Test
    void aProjectPageShowsTheProjectWithItsHistory() throws Exception {
        API.get("/api/network-projects/P-1", """
                {"id":"P-1","workingGroup":"LANGUAGE","title":"Sprachcafé","description":"Jeden Dienstag",
                 "policyFields":["LANGUAGE","CULTURE"],"status":"RUNNING","startDate":"2026-01-01","version":2,
                 "history":[{"id":"P-1/0","projectId":"P-1","sequence":0,"kind":"ANNOUNCED",
                   "title":"AG Sprache: Sprachcafé – neu","occurredAt":"2026-01-01T08:00:00Z"}]}
                """);

        String html = mvc.perform(get("/netzwerk/projekte/P-1").with(member())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Sprachcafé</span></h1>").contains("<span>Spracherwerb</span><span>; </span>").contains("kulturelle Integration")
                .contains("AG Sprache: Sprachcafé – neu").contains("Jeden Dienstag");
    }
}
