package de.gremium.intranet.empfehlungen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

class IdeenSeiteTest extends SeitenTest {

    @Test
    void theIdeaPageShowsTheIdeaItsMeetingsRecommendationsAndHistoryInGerman() throws Exception {
        API.on("GET", "/api/project-ideas/idea-1", 200, Ansichten.IDEE);

        String page = mvc.perform(get("/ideen/idea-1").with(mitglied("anna"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<h1>Sprachcafés</h1>").contains(">empfohlen<").contains("Spracherwerb")
                .contains("Treffpunkte zum Sprechen in den Stadtteilen.")
                .containsSubsequence("href=\"/sitzungen/meet-1\"", "Sitzung IV/2026", "07.10.2026, 16:00 Uhr", "dort beraten")
                .contains("href=\"/empfehlungen/rec-1\"")
                .containsSubsequence("<caption>Verlauf der Projektidee", "vorgeschlagen", "Kora Koordination",
                        "auf die Tagesordnung gesetzt", "empfohlen");
    }

    @Test
    void anIdeaTheQuerySideDoesNotKnowIsAGermanNotFoundPage() throws Exception {
        String page = mvc.perform(get("/ideen/keine").with(mitglied("anna"))).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Diesen Eintrag gibt es nicht (mehr).");
    }
}
