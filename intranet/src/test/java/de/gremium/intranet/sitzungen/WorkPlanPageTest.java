package de.gremium.intranet.sitzungen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.gremium.intranet.Html;
import de.gremium.intranet.StubApi;
import java.time.Year;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WorkPlanPageTest extends SitzungenPages {

    @Test
    void theWorkPlanWithoutAYearIsTheCurrentYearsPlan() throws Exception {
        mvc.perform(get("/arbeitsplan").with(as(MEMBER)))
                .andExpect(redirectedUrl("/arbeitsplan/" + Year.now(ZoneId.of("Europe/Berlin")).getValue()));
    }

    @Test
    void theWorkPlanShowsTheFourQuartersWithTheirMeetingsStatusDateAndAgenda() throws Exception {
        API.on("GET", "/api/work-plan/2027", 200, WORK_PLAN_2027);

        String page = mvc.perform(get("/arbeitsplan/2027").with(as(MEMBER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<h1>Arbeitsplan <span>2027</span></h1>");
        assertThat(page).contains("1. Quartal", "2. Quartal", "3. Quartal", "4. Quartal");
        assertThat(page).contains("href=\"/sitzungen/regular-2027-Q2\">Zweite Sitzung 2027</a>",
                "href=\"/sitzungen/m-extra\">Sondersitzung Sprachkurse</a>");
        assertThat(page).contains("<span class=\"status\">terminiert</span>", "<span class=\"status\">geplant</span>");
        assertThat(page).contains("Mittwoch, 07.04.2027, 13:00–14:00 Uhr", "noch ohne Termin");
        assertThat(page).containsSubsequence("<li>Begrüßung</li>", "<li>Kita-Plätze für Geflüchtete</li>");
        assertThat(page).contains("In diesem Quartal ist noch keine Sitzung geplant.");
    }

    @Test
    void onlyTheCoordinatorIsOfferedTheFormToPlanAMeeting() throws Exception {
        API.on("GET", "/api/work-plan/2027", 200, WORK_PLAN_2027);

        String member = mvc.perform(get("/arbeitsplan/2027").with(as(MEMBER))).andReturn().getResponse().getContentAsString();
        String coordinator = mvc.perform(get("/arbeitsplan/2027").with(as(COORDINATOR))).andReturn().getResponse()
                .getContentAsString();

        assertThat(member).doesNotContain("Sitzung planen").doesNotContain("id=\"feld-title\"");
        assertThat(coordinator).contains("<h2 id=\"planen\">Sitzung planen</h2>", "id=\"feld-title\"",
                "action=\"/arbeitsplan/2027/sitzungen\"");
    }

    @Test
    void planningAMeetingSendsTheRequestAndOpensTheNewMeetingOnceItsViewExists() throws Exception {
        API.on("GET", "/api/work-plan/2027", 200, WORK_PLAN_2027)
                .on("POST", "/api/meetings", 201, "{\"id\":\"m-neu\"}")
                .on("GET", "/api/meetings/m-neu", 200, meeting("PLANNED", null, null));

        mvc.perform(post("/arbeitsplan/2027/sitzungen").with(as(COORDINATOR)).with(csrf())
                        .param("idempotencyKey", "key-1").param("quarter", "3").param("kind", "EXTRA")
                        .param("title", "Sondersitzung Wohnen").param("durationMinutes", "45"))
                .andExpect(redirectedUrl("/sitzungen/m-neu"))
                .andExpect(flash().attribute("hinweis", "Die Sitzung ist in den Arbeitsplan aufgenommen."));

        StubApi.Received sent = API.received("POST", "/api/meetings").get(0);
        JsonNode body = json(sent.body());
        assertThat(body.get("year").asInt()).isEqualTo(2027);
        assertThat(body.get("quarter").asInt()).isEqualTo(3);
        assertThat(body.get("kind").asString()).isEqualTo("EXTRA");
        assertThat(body.get("title").asString()).isEqualTo("Sondersitzung Wohnen");
        assertThat(body.get("durationMinutes").asInt()).isEqualTo(45);
        assertThat(sent.idempotencyKey()).isEqualTo("key-1");
    }

    @Test
    void aRefusedPlanShowsTheGermanReasonBesideItsFieldAndKeepsWhatWasTyped() throws Exception {
        API.on("GET", "/api/work-plan/2027", 200, WORK_PLAN_2027)
                .refuse("POST", "/api/meetings", 400, "validation-failed", "durationMinutes",
                        "a meeting lasts 1 to 60 minutes (rules of procedure); 90 is not allowed");

        String page = mvc.perform(post("/arbeitsplan/2027/sitzungen").with(as(COORDINATOR)).with(csrf())
                        .param("quarter", "2").param("kind", "EXTRA").param("title", "Lange Sondersitzung")
                        .param("durationMinutes", "90"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<title>Fehler: Arbeitsplan 2027 – Gremium</title>");
        assertThat(Html.text(page, "fehler-durationMinutes"))
                .isEqualTo("Fehler: Eine Sitzung dauert laut Geschäftsordnung 1 bis 60 Minuten.");
        assertThat(Html.tag(page, "feld-durationMinutes")).contains("aria-invalid=\"true\"", "value=\"90\"",
                "aria-describedby=\"fehler-durationMinutes hilfe-durationMinutes\"");
        assertThat(Html.tag(page, "feld-title")).contains("value=\"Lange Sondersitzung\"");
        assertThat(Html.tag(page, "feld-kind-sonder")).contains("checked");
        assertThat(page).contains("href=\"#feld-durationMinutes\"");
    }
}
