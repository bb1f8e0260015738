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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PollPageTest extends SitzungenPages {

    private static final String POLL = "/api/scheduling-polls/p-1";
    private static final String MEETING = "/api/meetings/regular-2027-Q2";

    @Test
    void everyoneSeesTheRankedTallyAndWhoHasNotAnsweredYet() throws Exception {
        API.on("GET", POLL, 200, poll("OPEN", null)).on("GET", MEETING, 200, meeting("PLANNED", null, null));

        String page = mvc.perform(get("/terminumfragen/p-1").with(as(MEMBER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<h1>Terminumfrage: <span>Zweite Sitzung 2027</span></h1>");
        assertThat(Html.text(page, "umfrage-status")).isEqualTo("offen");
        assertThat(page).contains("<caption id=\"rangliste-titel\">Termine nach Rang");
        assertThat(Html.text(page, "rangliste")).containsSubsequence("1", "Mittwoch, 07.04.2027, 13:00–14:00 Uhr", "1", "0", "0",
                "2", "Mittwoch, 14.04.2027, 13:00–14:00 Uhr", "kollidiert mit: Ausschusssitzung 'Jugendhilfeausschuss'");
        assertThat(Html.text(page, "ohne-antwort")).isEqualTo("Eva Beispiel");
    }

    @Test
    void aMemberAnswersEveryCandidateInOneFormWithTheirEarlierAnswerChosen() throws Exception {
        API.on("GET", POLL, 200, poll("OPEN", null)).on("GET", MEETING, 200, meeting("PLANNED", null, null));

        String page = mvc.perform(get("/terminumfragen/p-1").with(as(MEMBER))).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("action=\"/terminumfragen/p-1/antworten\"");
        assertThat(Html.tag(page, "termin-1")).startsWith("<fieldset");
        assertThat(page).contains("<legend>Mittwoch, 07.04.2027, 13:00–14:00 Uhr</legend>",
                "<label for=\"antwort-1-ja\">Ja</label>", "<label for=\"antwort-1-wenn-noetig\">Wenn nötig</label>",
                "<label for=\"antwort-1-nein\">Nein</label>");
        assertThat(Html.tag(page, "antwort-1-ja")).contains("name=\"answers[" + FIRST + "]\"", "value=\"YES\"", "checked");
        assertThat(Html.tag(page, "antwort-2-nein")).contains("name=\"answers[" + SECOND + "]\"", "value=\"NO\"", "checked");
        assertThat(Html.tag(page, "antwort-2-ja")).doesNotContain("checked");
        assertThat(page).as("the coordinator's form is not a member's").doesNotContain("id=\"termin-festlegen\"");
    }

    @Test
    void theAnswersArePostedAsOneJsonObjectAndThePageWaitsUntilTheTallyHasThem() throws Exception {
        API.on("POST", POLL + "/answers", 204, null)
                .on("GET", POLL, () -> new StubApi.Answer(200, "application/json", StubApi.withoutNulls(
                        API.hasReceived("POST", POLL + "/answers")
                                ? poll("OPEN", null).replace("\"" + FIRST + "\":\"YES\"", "\"" + FIRST + "\":\"IF_NEED_BE\"")
                                : poll("OPEN", null))));

        mvc.perform(post("/terminumfragen/p-1/antworten").with(as(MEMBER)).with(csrf()).param("idempotencyKey", "k-a")
                        .param("answers[" + FIRST + "]", "IF_NEED_BE").param("answers[" + SECOND + "]", "NO"))
                .andExpect(redirectedUrl("/terminumfragen/p-1"))
                .andExpect(flash().attribute("hinweis", "Ihre Antworten sind gespeichert."));

        StubApi.Received sent = API.received("POST", POLL + "/answers").get(0);
        JsonNode answers = json(sent.body()).get("answers");
        assertThat(answers.size()).isEqualTo(2);
        assertThat(answers.get(FIRST).asString()).isEqualTo("IF_NEED_BE");
        assertThat(answers.get(SECOND).asString()).isEqualTo("NO");
        assertThat(sent.idempotencyKey()).isEqualTo("k-a");
    }

    @Test
    void aRefusedAnswerIsShownInGermanBesideTheAnswersAndTheChoicesAreKept() throws Exception {
        API.on("GET", POLL, 200, poll("OPEN", null)).on("GET", MEETING, 200, meeting("PLANNED", null, null))
                .refuse("POST", POLL + "/answers", 400, "validation-failed", "answers",
                        "'" + SECOND + "' is not a candidate of this poll; candidates: [" + FIRST + "]");

        String page = mvc.perform(post("/terminumfragen/p-1/antworten").with(as(MEMBER)).with(csrf())
                        .param("answers[" + FIRST + "]", "NO").param("answers[" + SECOND + "]", "IF_NEED_BE"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<title>Fehler: Terminumfrage: Zweite Sitzung 2027 – Gremium</title>");
        assertThat(Html.text(page, "fehler-answers"))
                .isEqualTo("Fehler: Dieser Termin gehört nicht (mehr) zu dieser Umfrage. Bitte laden Sie die Seite neu.");
        assertThat(page).contains("href=\"#feld-answers\"");
        assertThat(Html.tag(page, "termin-1")).contains("aria-describedby=\"fehler-answers\"");
        assertThat(Html.tag(page, "antwort-1-nein")).contains("checked");
        assertThat(Html.tag(page, "antwort-1-ja")).doesNotContain("checked");
        assertThat(Html.tag(page, "antwort-2-wenn-noetig")).contains("checked");
    }

    @Test
    void anAnswerWithNoChoiceAtAllIsRefusedInGerman() throws Exception {
        API.on("GET", POLL, 200, poll("OPEN", null)).on("GET", MEETING, 200, meeting("PLANNED", null, null))
                .refuse("POST", POLL + "/answers", 400, "validation-failed", "answers", "must not be empty");

        String page = mvc.perform(post("/terminumfragen/p-1/antworten").with(as(MEMBER)).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(json(API.received("POST", POLL + "/answers").get(0).body()).get("answers").size()).isZero();
        assertThat(Html.text(page, "fehler-answers")).isEqualTo("Fehler: Bitte füllen Sie „Ihre Antworten“ aus.");
    }

    @Test
    void theCoordinatorFixesTheDateAndLandsOnTheMeetingOnceItShowsTheDate() throws Exception {
        API.on("POST", POLL + "/fixed-date", 204, null)
                .on("GET", POLL, 200, poll("OPEN", null))
                .on("GET", MEETING, () -> new StubApi.Answer(200, "application/json", StubApi.withoutNulls(
                        API.hasReceived("POST", POLL + "/fixed-date")
                                ? meeting("SCHEDULED", "2027-04-07T11:00:00Z", "2027-04-07T12:00:00Z")
                                : meeting("PLANNED", null, null))));

        String page = mvc.perform(get("/terminumfragen/p-1").with(as(COORDINATOR))).andReturn().getResponse()
                .getContentAsString();
        assertThat(Html.tag(page, "feld-candidateId")).contains("name=\"candidateId\"");
        assertThat(page).contains("<option value=\"" + FIRST + "\" selected=\"selected\">1. Mittwoch, 07.04.2027");
        assertThat(page).as("a coordinator without the member role answers nothing").doesNotContain("antworten-speichern");

        mvc.perform(post("/terminumfragen/p-1/termin").with(as(COORDINATOR)).with(csrf()).param("idempotencyKey", "k-f")
                        .param("candidateId", FIRST).param("bestaetigt", "true"))
                .andExpect(redirectedUrl("/sitzungen/regular-2027-Q2"))
                .andExpect(flash().attribute("hinweis", "Der Termin ist festgelegt; die Umfrage ist geschlossen."));

        JsonNode body = json(API.received("POST", POLL + "/fixed-date").get(0).body());
        assertThat(body.get("candidateId").asString()).isEqualTo(FIRST);
        assertThat(body.size()).isEqualTo(1);
    }

    @Test
    void fixingTheDateWithoutTheConfirmationSendsNothing() throws Exception {
        API.on("GET", POLL, 200, poll("OPEN", null)).on("GET", MEETING, 200, meeting("PLANNED", null, null));

        String page = mvc.perform(post("/terminumfragen/p-1/termin").with(as(COORDINATOR)).with(csrf())
                        .param("candidateId", SECOND))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(API.hasReceived("POST", POLL + "/fixed-date")).isFalse();
        assertThat(Html.text(page, "fehler-bestaetigt")).startsWith("Fehler: Bitte bestätigen Sie mit dem Häkchen");
        assertThat(page).contains("<option value=\"" + SECOND + "\" selected=\"selected\">");
    }

    @Test
    void aClosedPollShowsTheFixedDateAndNoForms() throws Exception {
        API.on("GET", POLL, 200, poll("CLOSED", FIRST)).on("GET", MEETING, 200,
                meeting("SCHEDULED", "2027-04-07T11:00:00Z", "2027-04-07T12:00:00Z"));

        String page = mvc.perform(get("/terminumfragen/p-1").with(as(COORDINATOR))).andReturn().getResponse()
                .getContentAsString();

        assertThat(Html.text(page, "umfrage-status")).isEqualTo("geschlossen");
        assertThat(Html.text(page, "festgelegter-termin")).isEqualTo("Mittwoch, 07.04.2027, 13:00–14:00 Uhr");
        assertThat(page).doesNotContain("id=\"festlegen-formular\"").doesNotContain("id=\"antwort-formular\"");
    }
}
