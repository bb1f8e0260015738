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

class MeetingPageTest extends SitzungenPages {

    private static final String MEETING = "/api/meetings/regular-2027-Q2";
    private static final String POLLS = "/api/scheduling-polls?meetingId=regular-2027-Q2&size=100";
    private static final String MEMBERS = """
            {"members":[
              {"memberId":"max","name":"Max Mitglied","unit":"Sozialamt","department":"V","roles":[],"appointedAt":"2026-01-01T00:00:00Z"},
              {"memberId":"eva","name":"Eva Beispiel","unit":"Jugendamt","department":"V","roles":[],"appointedAt":"2026-01-01T00:00:00Z"}]}""";

    @Test
    void theMeetingPageShowsStatusDateTimePlaceTheAgendaInOrderGuestsAndItsPolls() throws Exception {
        API.on("GET", MEETING, 200, meeting("SCHEDULED", "2027-04-07T11:00:00Z", "2027-04-07T12:00:00Z"))
                .on("GET", POLLS, 200, POLLS_OF_THE_MEETING);

        String page = mvc.perform(get("/sitzungen/regular-2027-Q2").with(as(MEMBER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<h1>Zweite Sitzung 2027</h1>");
        assertThat(Html.text(page, "sitzung-status")).isEqualTo("terminiert");
        assertThat(Html.text(page, "sitzung-datum")).isEqualTo("07.04.2027");
        assertThat(Html.text(page, "sitzung-uhrzeit")).isEqualTo("13:00–14:00 Uhr");
        assertThat(page).contains("Altes Rathaus, Raum 2", "Dr. Ada Gast", ", Universität Magdeburg");
        assertThat(Html.text(page, "tagesordnung")).containsSubsequence("Begrüßung", "Kita-Plätze für Geflüchtete");
        assertThat(page).contains("href=\"/probleme/r-7\">Kita-Plätze für Geflüchtete</a>");
        assertThat(page).contains("<caption id=\"umfragen-titel\">Terminumfragen dieser Sitzung</caption>",
                "href=\"/terminumfragen/p-1\">Terminumfrage vom 01.02.2027</a>");
    }

    @Test
    void onlyTheCoordinatorSeesTheFormsToDateAddToTheAgendaRecordAndCancel() throws Exception {
        API.on("GET", MEETING, 200, meeting("SCHEDULED", "2027-04-07T11:00:00Z", "2027-04-07T12:00:00Z"))
                .on("GET", POLLS, 200, POLLS_OF_THE_MEETING)
                .on("GET", "/api/members", 200, MEMBERS);

        String member = mvc.perform(get("/sitzungen/regular-2027-Q2").with(as(MEMBER))).andReturn().getResponse()
                .getContentAsString();
        String coordinator = mvc.perform(get("/sitzungen/regular-2027-Q2").with(as(COORDINATOR))).andReturn()
                .getResponse().getContentAsString();

        assertThat(member).doesNotContain("Aufgaben der Koordination").doesNotContain("<form class=\"formular\"");
        assertThat(coordinator).contains("Aufgaben der Koordination", "action=\"/sitzungen/regular-2027-Q2/termin\"",
                "action=\"/sitzungen/regular-2027-Q2/tagesordnung\"", "action=\"/sitzungen/regular-2027-Q2/durchgefuehrt\"",
                "action=\"/sitzungen/regular-2027-Q2/absage\"");
        assertThat(coordinator).contains("Sitzung verlegen", "<label for=\"feld-reason\">Grund der Verlegung</label>");
        assertThat(coordinator).as("a dated meeting gets no poll").doesNotContain("Terminumfrage eröffnen");
        assertThat(Html.tag(coordinator, "feld-start")).contains("value=\"2027-04-07T13:00\"");
        assertThat(Html.tag(coordinator, "feld-attendees-2")).contains("value=\"eva\"");
        assertThat(coordinator).contains("<label for=\"feld-attendees-2\">Eva Beispiel</label>");
    }

    @Test
    void aPlannedMeetingOffersTheCoordinatorAPollAndThePollIsOpenedWithTheTypedDates() throws Exception {
        API.on("GET", MEETING, 200, meeting("PLANNED", null, null))
                .on("GET", POLLS, 200, "{\"data\":[],\"pagination\":{\"totalElements\":0},\"links\":{}}")
                .on("POST", "/api/scheduling-polls", 201, "{\"pollId\":\"p-9\",\"candidates\":[]}")
                .on("GET", "/api/scheduling-polls/p-9", 200, poll("OPEN", null));

        String page = mvc.perform(get("/sitzungen/regular-2027-Q2").with(as(COORDINATOR))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Terminumfrage eröffnen", "Termin festlegen").doesNotContain("Als durchgeführt erfassen");

        mvc.perform(post("/sitzungen/regular-2027-Q2/terminumfrage").with(as(COORDINATOR)).with(csrf())
                        .param("idempotencyKey", "k-poll").param("preferredSlots", "true").param("_preferredSlots", "on")
                        .param("extraSlots[0]", "2027-04-08T10:00").param("extraSlots[1]", "15.04.2027 09:30")
                        .param("extraSlots[2]", ""))
                .andExpect(redirectedUrl("/terminumfragen/p-9"));

        JsonNode body = json(API.received("POST", "/api/scheduling-polls").get(0).body());
        assertThat(body.get("meetingId").asString()).isEqualTo("regular-2027-Q2");
        assertThat(body.get("preferredSlots").asBoolean()).isTrue();
        assertThat(body.get("extraSlots").get(0).asString()).isEqualTo("2027-04-08T10:00:00+02:00");
        assertThat(body.get("extraSlots").get(1).asString()).isEqualTo("2027-04-15T09:30:00+02:00");
        assertThat(body.get("extraSlots").size()).isEqualTo(2);
    }

    @Test
    void aClashWithTheBlockedCalendarIsShownInGermanAndTheDateIsKeptWithTheCoordinatorsReason() throws Exception {
        API.on("GET", MEETING, 200, meeting("PLANNED", null, null))
                .on("GET", POLLS, 200, "{\"data\":[],\"pagination\":{\"totalElements\":0},\"links\":{}}")
                .refuse("POST", MEETING + "/schedule", 409, "rule-violation", "start",
                        "The meeting on 07.04.2027 clashes with the blocked calendar: Stadtratssitzung 'Stadtrat' "
                                + "14:00–17:00. Choose another date, or keep this one with override: {\"reason\": \"...\"}.");

        String refused = mvc.perform(post("/sitzungen/regular-2027-Q2/termin").with(as(COORDINATOR)).with(csrf())
                        .param("start", "2027-04-07T13:00").param("location", "Altes Rathaus"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(Html.text(refused, "fehler-start")).isEqualTo("Fehler: Der Termin kollidiert mit dem gesperrten Kalender: "
                + "Stadtratssitzung 'Stadtrat' 14:00–17:00. Bitte wählen Sie einen anderen Termin – oder geben Sie unten "
                + "einen Grund an, den Termin trotzdem zu behalten.");
        assertThat(Html.tag(refused, "feld-start")).contains("value=\"2027-04-07T13:00\"", "aria-invalid=\"true\"");
        assertThat(Html.tag(refused, "feld-location")).contains("value=\"Altes Rathaus\"");
        assertThat(Html.tag(refused, "feld-override.reason")).contains("name=\"override.reason\"");

        API.reset();
        API.on("POST", MEETING + "/schedule", 204, null)
                .on("GET", POLLS, 200, "{\"data\":[],\"pagination\":{\"totalElements\":0},\"links\":{}}")
                .on("GET", MEETING, () -> new StubApi.Answer(200, "application/json", StubApi.withoutNulls(
                        API.hasReceived("POST", MEETING + "/schedule")
                                ? meeting("SCHEDULED", "2027-04-07T11:00:00Z", "2027-04-07T12:00:00Z")
                                : meeting("PLANNED", null, null))));
        mvc.perform(post("/sitzungen/regular-2027-Q2/termin").with(as(COORDINATOR)).with(csrf())
                        .param("start", "2027-04-07T13:00").param("location", "Altes Rathaus")
                        .param("override.reason", "Nur an diesem Tag sind alle Ämter vertreten"))
                .andExpect(redirectedUrl("/sitzungen/regular-2027-Q2"))
                .andExpect(flash().attribute("hinweis", "Die Sitzung ist terminiert."));

        JsonNode body = json(API.received("POST", MEETING + "/schedule").get(0).body());
        assertThat(body.get("start").asString()).isEqualTo("2027-04-07T13:00:00+02:00");
        assertThat(body.get("location").asString()).isEqualTo("Altes Rathaus");
        assertThat(body.get("override").get("reason").asString()).isEqualTo("Nur an diesem Tag sind alle Ämter vertreten");
        assertThat(body.has("reason")).as("schedule takes no reason; only reschedule does").isFalse();
    }

    @Test
    void anAgendaItemIsSentAsATopicWithItsPositionCountedFromZero() throws Exception {
        API.on("POST", MEETING + "/agenda-items", 201, "{\"id\":\"a-3\"}")
                .on("GET", MEETING, 200, meeting("PLANNED", null, null).replace("\"agendaItemId\":\"a-2\"", "\"agendaItemId\":\"a-3\""));

        mvc.perform(post("/sitzungen/regular-2027-Q2/tagesordnung").with(as(COORDINATOR)).with(csrf())
                        .param("topic.kind", "PROJECT_IDEA").param("topic.referenceId", "idee-4")
                        .param("topic.title", "Sprachcafé im Stadtteil").param("position", "1"))
                .andExpect(redirectedUrl("/sitzungen/regular-2027-Q2"))
                .andExpect(flash().attribute("hinweis", "Der Punkt steht auf der Tagesordnung."));

        JsonNode body = json(API.received("POST", MEETING + "/agenda-items").get(0).body());
        assertThat(body.get("topic").get("kind").asString()).isEqualTo("PROJECT_IDEA");
        assertThat(body.get("topic").get("referenceId").asString()).isEqualTo("idee-4");
        assertThat(body.get("topic").get("title").asString()).isEqualTo("Sprachcafé im Stadtteil");
        assertThat(body.get("position").asInt()).isZero();
    }

    @Test
    void cancellingWithoutTheConfirmationSendsNothingAndAsksForIt() throws Exception {
        API.on("GET", MEETING, 200, meeting("PLANNED", null, null))
                .on("GET", POLLS, 200, "{\"data\":[],\"pagination\":{\"totalElements\":0},\"links\":{}}");

        String page = mvc.perform(post("/sitzungen/regular-2027-Q2/absage").with(as(COORDINATOR)).with(csrf())
                        .param("reason", "Zu wenige Zusagen"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(API.hasReceived("POST", MEETING + "/cancellation")).isFalse();
        assertThat(Html.text(page, "fehler-bestaetigt")).isEqualTo("Fehler: Bitte bestätigen Sie die Absage mit dem Häkchen.");
        assertThat(Html.tag(page, "feld-reason-absage")).contains("value=\"Zu wenige Zusagen\"");
    }

    @Test
    void aHeldMeetingShowsWhoWasThereAndTheMinutesAndNoLongerOffersForms() throws Exception {
        API.on("GET", MEETING, 200, meeting("HELD", "2027-04-07T11:00:00Z", "2027-04-07T12:00:00Z"))
                .on("GET", POLLS, 200, POLLS_OF_THE_MEETING);

        String page = mvc.perform(get("/sitzungen/regular-2027-Q2").with(as(COORDINATOR))).andReturn().getResponse()
                .getContentAsString();

        assertThat(Html.text(page, "sitzung-status")).isEqualTo("durchgeführt");
        assertThat(page).contains("<h2>Anwesenheit</h2>", "<li>Max Mitglied</li>", "<li>Eva Beispiel</li>",
                "<li>Dr. Ada Gast (Gast)</li>", "Nächster Schritt: Gespräch mit dem Jugendamt.");
        assertThat(page).doesNotContain("Aufgaben der Koordination");
    }

    @Test
    void aRefusalOfTheWholeFormIsSaidInTheSummaryWithoutALinkToAFieldAndTheMinutesAreKept() throws Exception {
        API.on("GET", MEETING, 200, meeting("SCHEDULED", "2027-04-07T11:00:00Z", "2027-04-07T12:00:00Z"))
                .on("GET", POLLS, 200, POLLS_OF_THE_MEETING)
                .on("GET", "/api/members", 200, MEMBERS)
                .refuse("POST", MEETING + "/held", 409, "rule-violation", null,
                        "The meeting starts at 2027-04-07T11:00:00Z; it cannot be recorded as held before.");

        String page = mvc.perform(post("/sitzungen/regular-2027-Q2/durchgefuehrt").with(as(COORDINATOR)).with(csrf())
                        .param("attendees", "eva").param("minutes", "Entwurf des Protokolls"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(Html.text(page, "fehlerliste"))
                .contains("Die Sitzung hat noch nicht begonnen; sie kann erst danach als durchgeführt erfasst werden.");
        assertThat(page).doesNotContain("#feld-[global]");
        assertThat(Html.text(page, "feld-minutes")).isEqualTo("Entwurf des Protokolls");
        assertThat(Html.tag(page, "feld-attendees-2")).contains("checked");
        assertThat(Html.tag(page, "feld-attendees-1")).doesNotContain("checked");
    }

    @Test
    void aMeetingThatDoesNotExistGetsTheGermanNotFoundPage() throws Exception {
        String page = mvc.perform(get("/sitzungen/gibt-es-nicht").with(as(MEMBER)))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Diesen Eintrag gibt es nicht (mehr).");
    }
}
