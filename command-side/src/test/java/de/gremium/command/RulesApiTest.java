package de.gremium.command;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.command.messaging.PolicyCommands;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.RecordRows;
import de.gremium.platform.testing.TestStore;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The command side's rules as a client meets them: each answered once, the same way on every endpoint. */
class RulesApiTest {

    static ConfigurableApplicationContext app;
    static Http http;

    @BeforeAll
    static void start() {
        app = CommandSideApplication.start(TestStore.fresh().toArray(String[]::new));
        http = Http.on(Ports.of(app));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static void assertForbidden(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:gremium:problem:forbidden");
        assertThat(response.json().has("errors")).as("no list of invalid fields for a caller without the role").isFalse();
    }

    @Test
    void aReaderPostingAnInvalidBodyToACoordinatorEndpointIsForbiddenNotToldWhichFieldsAreInvalid() {
        assertForbidden(http.as("leser").post("/api/network-projects", Map.of("title", " ", "policyFields", List.of())));
        assertForbidden(http.as("leser").post("/api/meetings", Map.of("year", 1999, "quarter", 5)));
        assertForbidden(http.as("leser").post("/api/indicators", Map.of("code", "kein code")));
    }

    @Test
    void aMemberSendingMalformedJsonToACoordinatorEndpointIsForbidden() {
        assertForbidden(http.as("anna.amt50").post("/api/meetings", "{\"year\":"));
        assertForbidden(http.as("anna.amt50").post("/api/group/units", "[1, 2"));
    }

    @Test
    void aMemberSendingADateOutsideTheBoundsToACoordinatorEndpointIsForbidden() {
        assertForbidden(http.as("anna.amt50").post("/api/scheduling-polls",
                Map.of("meetingId", "regular-2027-Q1", "extraSlots", List.of("3000-01-06T13:00:00+01:00"))));
    }

    @Test
    void theRightRoleWithAnInvalidBodyIsToldEveryInvalidField() {
        Http.Response response = http.as("koordinator").post("/api/network-projects",
                Map.of("workingGroup", "LANGUAGE", "title", " ", "description", "d", "policyFields", List.of(), "status", "PLANNED"));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("policyFields", "title");
    }

    static void assertRefused(Http.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().at("/errors/0/field").asText()).as(response.toString()).isEqualTo(field);
    }

    /** An extra meeting of a quarter (any number of them may be planned), as the coordinator plans it; its id. */
    static String planExtraMeeting(int year, int quarter) {
        Http.Response planned = http.as("koordinator").post("/api/meetings",
                Map.of("year", year, "quarter", quarter, "kind", "EXTRA", "title", "Sondersitzung", "durationMinutes", 60));
        assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
        return planned.json().get("id").asText();
    }

    static void schedule(String meetingId, String start) {
        Http.Response scheduled = http.as("koordinator").post("/api/meetings/" + meetingId + "/schedule", Map.of("start", start));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(204);
    }

    /** A poll over one slot of the coordinator's for the meeting; the poll's id and the slot's candidate id. */
    static List<String> openPoll(String meetingId, String slot) {
        Http.Response opened = http.as("koordinator").post("/api/scheduling-polls",
                Map.of("meetingId", meetingId, "preferredSlots", false, "extraSlots", List.of(slot)));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return List.of(opened.json().get("pollId").asText(), opened.json().at("/candidates/0/candidateId").asText());
    }

    @Test
    void aPollForAMeetingThatDoesNotExistIsRefusedNamingTheMeeting() {
        assertRefused(http.as("koordinator").post("/api/scheduling-polls",
                Map.of("meetingId", "no-such-meeting", "preferredSlots", false,
                        "extraSlots", List.of("2031-01-08T13:00:00+01:00"))), 400, "meetingId");
    }

    @Test
    void aPollForAMeetingThatHasADateAlreadyIsAConflict() {
        String meeting = planExtraMeeting(2031, 1);
        schedule(meeting, "2031-01-15T13:00:00+01:00");

        assertRefused(http.as("koordinator").post("/api/scheduling-polls",
                Map.of("meetingId", meeting, "preferredSlots", false, "extraSlots", List.of("2031-01-22T13:00:00+01:00"))),
                409, "meetingId");
    }

    @Test
    void anExtraSlotLiesInTheMeetingsQuarterAsTheClocksInMagdeburgShowIt() {
        String meeting = planExtraMeeting(2031, 2);

        // 2031-03-31T22:30Z is 1 April, 00:30 in Magdeburg: the second quarter; 23:30 the evening before is the first
        assertThat(http.as("koordinator").post("/api/scheduling-polls", Map.of("meetingId", meeting, "preferredSlots", false,
                "extraSlots", List.of("2031-03-31T22:30:00Z"))).status()).isEqualTo(201);
        assertRefused(http.as("koordinator").post("/api/scheduling-polls", Map.of("meetingId", meeting, "preferredSlots", false,
                "extraSlots", List.of("2031-03-31T21:30:00Z"))), 400, "extraSlots");
    }

    @Test
    void aMemberWhoWithdrewFromTheGroupMayNoLongerAnswerAPoll() {
        List<String> poll = openPoll(planExtraMeeting(2031, 3), "2031-07-09T13:00:00+02:00");
        Map<String, Object> yes = Map.of("answers", Map.of(poll.get(1), "YES"));
        assertThat(http.as("anna.amt50").post("/api/scheduling-polls/" + poll.get(0) + "/answers", yes).status()).isEqualTo(204);

        assertThat(http.as("jonas.fb32").post("/api/group/members/jonas.fb32/withdrawal", Map.of()).status()).isEqualTo(204);

        Http.Response answered = http.as("jonas.fb32").post("/api/scheduling-polls/" + poll.get(0) + "/answers", yes);
        assertThat(answered.status()).as(answered.toString()).isEqualTo(403);
        assertThat(answered.json().get("type").asText()).isEqualTo("urn:gremium:problem:forbidden");
    }

    @Test
    void aDateCannotBeFixedFromAPollWhoseMeetingWasScheduledMeanwhile() {
        String meeting = planExtraMeeting(2031, 4);
        List<String> poll = openPoll(meeting, "2031-10-08T13:00:00+02:00");
        schedule(meeting, "2031-10-15T13:00:00+02:00");

        assertRefused(http.as("koordinator").post("/api/scheduling-polls/" + poll.get(0) + "/fixed-date",
                Map.of("candidateId", poll.get(1))), 409, "candidateId");
    }

    @Test
    void aDateCannotBeFixedFromAPollThatDoesNotExist() {
        Http.Response fixed = http.as("koordinator").post("/api/scheduling-polls/no-such-poll/fixed-date",
                Map.of("candidateId", "2031-10-08T13:00:00+02:00"));

        assertThat(fixed.status()).as(fixed.toString()).isEqualTo(404);
        assertThat(fixed.json().get("type").asText()).isEqualTo("urn:gremium:problem:not-found");
    }

    @Test
    void anAgendaItemNamesAnIdeaOrAReportThatExists() {
        String meeting = planExtraMeeting(2032, 1);

        assertRefused(http.as("koordinator").post("/api/meetings/" + meeting + "/agenda-items",
                Map.of("topic", Map.of("kind", "PROJECT_IDEA", "referenceId", "no-such-idea", "title", "Idee"))),
                400, "topic.referenceId");
        assertRefused(http.as("koordinator").post("/api/meetings/" + meeting + "/agenda-items",
                Map.of("topic", Map.of("kind", "PROBLEM_REPORT", "referenceId", "no-such-report", "title", "Problem"))),
                400, "topic.referenceId");
        assertThat(http.as("koordinator").post("/api/meetings/" + meeting + "/agenda-items",
                Map.of("topic", Map.of("kind", "FREE", "title", "Verschiedenes"))).status()).isEqualTo(201);
    }

    @Test
    void theAttendeesOfAHeldMeetingAreMembersOfTheGroup() {
        String meeting = planExtraMeeting(2020, 1);
        schedule(meeting, "2020-01-08T13:00:00+01:00");

        assertRefused(http.as("koordinator").post("/api/meetings/" + meeting + "/held",
                Map.of("attendees", List.of("anna.amt50", "gast.extern"), "minutes", "Protokoll")), 400, "attendees");
        assertThat(http.as("koordinator").post("/api/meetings/" + meeting + "/held",
                Map.of("attendees", List.of("anna.amt50"), "minutes", "Protokoll")).status()).isEqualTo(204);
    }

    @Test
    void aDraftRecommendationIsPutForAMeetingThatExistsAndWasHeld() {
        Map<String, Object> draft = Map.of("agendaItemId", "item", "text", "Empfehlung", "policyFields", List.of("LANGUAGE"));
        Map<String, Object> forNoMeeting = new java.util.HashMap<>(draft);
        forNoMeeting.put("meetingId", "no-such-meeting");
        Map<String, Object> forAPlannedMeeting = new java.util.HashMap<>(draft);
        forAPlannedMeeting.put("meetingId", planExtraMeeting(2032, 2));

        assertRefused(http.as("koordinator").post("/api/deliberations", forNoMeeting), 400, "meetingId");
        Http.Response planned = http.as("koordinator").post("/api/deliberations", forAPlannedMeeting);
        assertRefused(planned, 409, "meetingId");
        assertThat(planned.json().get("type").asText()).isEqualTo("urn:gremium:problem:rule-violation");
    }

    @Test
    void aProblemReportNamesAUnitOfTheGroup() {
        assertRefused(http.as("anna.amt50").post("/api/problem-reports", Map.of("title", "Titel", "description", "d",
                "unit", "Amt 99", "policyFields", List.of("LANGUAGE"))), 400, "unit");
    }

    @Test
    void aBlankTitleIsAnInvalidFieldWhereverItIsSent() {
        assertRefused(http.as("anna.amt50").post("/api/problem-reports", Map.of("title", "\u2003", "description", "d",
                "unit", "Amt 50", "policyFields", List.of("LANGUAGE"))), 400, "title");
        assertRefused(http.as("anna.amt50").post("/api/project-ideas", Map.of("title", "\u2003", "description", "d",
                "policyFields", List.of("LANGUAGE"))), 400, "title");
        assertRefused(http.as("koordinator").post("/api/meetings", Map.of("year", 2032, "quarter", 3, "kind", "EXTRA",
                "title", "\u2003", "durationMinutes", 60)), 400, "title");
    }

    // --- a meeting dated directly respects the blocked calendar ---

    /** Uploads a calendar with one council session, 14:00 to 17:00 in Magdeburg on {@code day}. */
    static void councilSessionOn(String name, String day) {
        String compact = day.replace("-", "");
        String calendar = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//DE",
                "BEGIN:VEVENT", "UID:" + name + "@magdeburg.test", "DTSTAMP:20261101T080000Z",
                "DTSTART;TZID=Europe/Berlin:" + compact + "T140000", "DTEND;TZID=Europe/Berlin:" + compact + "T170000",
                "SUMMARY:Stadtrat", "CATEGORIES:Stadtrat", "END:VEVENT", "END:VCALENDAR", "");
        Http.Response uploaded = http.as("koordinator").send("POST", "/api/blocked-calendar/ics?name=" + name, "text/calendar",
                calendar.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
    }

    @Test
    void aMeetingDatedDirectlyIntoACouncilSessionIsRefusedNamingTheSessionUnlessOverriddenWithAReason() {
        councilSessionOn("rat-2028-04", "2028-04-12");
        String meeting = planExtraMeeting(2028, 2);
        String path = "/api/meetings/" + meeting + "/schedule";

        Http.Response clash = http.as("koordinator").post(path, Map.of("start", "2028-04-12T15:00:00+02:00"));
        assertRefused(clash, 409, "start");
        assertThat(clash.json().get("type").asText()).isEqualTo("urn:gremium:problem:rule-violation");
        assertThat(clash.json().at("/errors/0/reason").asText()).contains("Stadtratssitzung 'Stadtrat' 14:00–17:00")
                .contains("12.04.2028").contains("override");

        assertRefused(http.as("koordinator").post(path, Map.of("start", "2028-04-12T15:00:00+02:00",
                "override", Map.of("reason", " "))), 400, "override.reason");
        Http.Response overridden = http.as("koordinator").post(path, Map.of("start", "2028-04-12T15:00:00+02:00",
                "override", Map.of("reason", "Der Beirat tagt nur an diesem Tag")));
        assertThat(overridden.status()).as(overridden.toString()).isEqualTo(204);
        assertThat(RecordRows.of(app).ofAggregate(meeting)).last().extracting(RecordRows.Row::payload).asString()
                .contains("Der Beirat tagt nur an diesem Tag").contains("Stadtratssitzung 'Stadtrat' 14:00–17:00");
    }

    @Test
    void aMeetingRescheduledIntoACouncilSessionIsRefusedUnlessOverriddenAndADateClearOfItIsTakenAsItIs() {
        councilSessionOn("rat-2028-05", "2028-05-10");
        String meeting = planExtraMeeting(2028, 2);
        schedule(meeting, "2028-05-03T13:00:00+02:00");
        String path = "/api/meetings/" + meeting + "/reschedule";

        assertRefused(http.as("koordinator").post(path, Map.of("start", "2028-05-10T16:00:00+02:00", "reason", "verlegt")),
                409, "start");
        assertThat(http.as("koordinator").post(path, Map.of("start", "2028-05-10T16:00:00+02:00", "reason", "verlegt",
                "override", Map.of("reason", "Raum nur dann frei"))).status()).isEqualTo(204);
        assertThat(http.as("koordinator").post(path, Map.of("start", "2028-05-17T13:00:00+02:00", "reason", "zurück"))
                .status()).isEqualTo(204);
    }

    // --- only appointed members contribute ---

    static Map<String, Object> report(String title) {
        return Map.of("title", title, "description", "d", "unit", "Öffentlichkeitsarbeit", "policyFields", List.of("LANGUAGE"));
    }

    @Test
    void aMemberWhoWithdrewMayNoLongerSubmitReportsOrIdeasNorAddDetailsNorProposeSolutions() {
        Http.Response ownReport = http.as("buero.ob").post("/api/problem-reports", report("Vor dem Austritt"));
        Http.Response ownIdea = http.as("buero.ob").post("/api/project-ideas", Map.of("title", "Idee", "description", "d",
                "policyFields", List.of("LANGUAGE")));
        Http.Response othersReport = http.as("anna.amt50").post("/api/problem-reports", Map.of("title", "Annas Bericht",
                "description", "d", "unit", "Amt 50", "policyFields", List.of("LANGUAGE")));
        assertThat(List.of(ownReport.status(), ownIdea.status(), othersReport.status())).containsOnly(201);

        assertThat(http.as("buero.ob").post("/api/group/members/buero.ob/withdrawal", Map.of()).status()).isEqualTo(204);

        String reportId = ownReport.json().get("id").asText();
        assertForbiddenAsNoMember(http.as("buero.ob").post("/api/problem-reports", report("Nach dem Austritt")));
        assertForbiddenAsNoMember(http.as("buero.ob").post("/api/project-ideas", Map.of("title", "Idee", "description", "d",
                "policyFields", List.of("LANGUAGE"))));
        assertForbiddenAsNoMember(http.as("buero.ob").post("/api/problem-reports/" + reportId + "/details",
                Map.of("details", "Nachtrag")));
        assertForbiddenAsNoMember(http.as("buero.ob").post("/api/problem-reports/" + othersReport.json().get("id").asText()
                + "/solution-proposals", Map.of("proposal", "Vorschlag")));
        assertForbiddenAsNoMember(http.as("buero.ob").post("/api/project-ideas/" + ownIdea.json().get("id").asText()
                + "/revision", Map.of("title", "Idee", "description", "neu", "policyFields", List.of("LANGUAGE"))));

        assertThat(http.as("koordinator").post("/api/problem-reports/" + reportId + "/acknowledgement", Map.of())
                .status()).as("the coordinator still acts on the report").isEqualTo(204);
        assertThat(http.as("koordinator").post("/api/problem-reports", Map.of("title", "Vom Koordinator", "description", "d",
                "unit", "Amt 16", "policyFields", List.of("LANGUAGE"))).status()).isEqualTo(201);
    }

    @Test
    void aMemberWhoWithdrewMayNeitherObjectNorWithdrawTheirObjectionNorWithdrawTheirIdea() {
        Http.Response idea = http.as("anna.amt50").post("/api/project-ideas", Map.of("title", "Annas Idee", "description", "d",
                "policyFields", List.of("LANGUAGE")));
        assertThat(idea.status()).as(idea.toString()).isEqualTo(201);
        String meeting = planExtraMeeting(2025, 2);
        schedule(meeting, "2025-05-14T13:00:00+02:00");
        Http.Response item = http.as("koordinator").post("/api/meetings/" + meeting + "/agenda-items",
                Map.of("topic", Map.of("kind", "FREE", "title", "Verschiedenes")));
        assertThat(item.status()).as(item.toString()).isEqualTo(201);
        assertThat(http.as("koordinator").post("/api/meetings/" + meeting + "/held", Map.of("attendees",
                List.of("koordinator", "anna.amt50"), "minutes", "Protokoll")).status()).isEqualTo(204);
        Http.Response draft = http.as("koordinator").post("/api/deliberations", Map.of("meetingId", meeting,
                "agendaItemId", item.json().get("id").asText(), "text", "Die Projektgruppe empfiehlt.",
                "policyFields", List.of("LANGUAGE")));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        String deliberation = "/api/deliberations/" + draft.json().get("id").asText();
        Http.Response objection = http.as("anna.amt50").post(deliberation + "/objections", Map.of("reason", "Offen"));
        assertThat(objection.status()).as("present and still a member").isEqualTo(201);

        assertThat(http.as("anna.amt50").post("/api/group/members/anna.amt50/withdrawal", Map.of()).status()).isEqualTo(204);
        try {
            assertForbiddenAsWithdrawn(http.as("anna.amt50").post(deliberation + "/objections", Map.of("reason", "Noch eins")));
            assertForbiddenAsWithdrawn(http.as("anna.amt50").post(deliberation + "/objections/"
                    + objection.json().get("id").asText() + "/withdrawal", Map.of()));
            assertForbiddenAsWithdrawn(http.as("anna.amt50").post("/api/project-ideas/" + idea.json().get("id").asText()
                    + "/withdrawal", Map.of("reason", "überholt")));
        } finally {
            assertThat(http.as("koordinator").post("/api/group/members", Map.of("memberId", "anna.amt50",
                    "name", "Anna Becker (Amt 50)", "unit", "Amt 50")).status()).as("appointed again for the other tests")
                    .isEqualTo(201);
        }
        assertThat(http.as("anna.amt50").post("/api/project-ideas/" + idea.json().get("id").asText() + "/withdrawal",
                Map.of("reason", "überholt")).status()).as("appointed again, she acts again").isEqualTo(204);
    }

    static void assertForbiddenAsWithdrawn(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.json().get("type").asText()).isEqualTo("urn:gremium:problem:forbidden");
        assertThat(response.json().get("detail").asText()).contains("anna.amt50").contains("withdrew");
    }

    static void assertForbiddenAsNoMember(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.json().get("type").asText()).isEqualTo("urn:gremium:problem:forbidden");
        assertThat(response.json().get("detail").asText()).contains("buero.ob").contains("not an appointed member");
    }

    // --- text a person cannot type is refused where it enters ---

    @Test
    void controlCharactersNoncharactersAndLoneSurrogatesAreRefusedInEveryFreeTextNamingTheField() {
        for (String bad : List.of("Titel\\u000B", "Titel\\u0001", "Titel\\u000C", "Titel\\uFFFE", "Titel\\uFFFF", "Titel\\uD800",
                "\\uDC00Titel")) {
            Http.Response refused = http.as("anna.amt50").post("/api/problem-reports",
                    "{\"title\":\"" + bad + "\",\"description\":\"d\",\"unit\":\"Amt 50\",\"policyFields\":[\"LANGUAGE\"]}");
            assertRefused(refused, 400, "title");
            assertThat(refused.json().at("/errors/0/reason").asText()).as(bad).containsPattern("U\\+[0-9A-F]{4}");
        }
        assertRefused(http.as("koordinator").post("/api/meetings",
                "{\"year\":2032,\"quarter\":4,\"kind\":\"EXTRA\",\"title\":\"Sitz\\uFFFFung\",\"durationMinutes\":60}"), 400, "title");
        assertThat(http.as("anna.amt50").post("/api/problem-reports", Map.of("title", "Tab\tund Zeilen\r\nende – 😀",
                "description", "d", "unit", "Amt 50", "policyFields", List.of("LANGUAGE"))).status())
                .as("tab, line feed, carriage return and pairs of surrogates are text").isEqualTo(201);
    }

    @Test
    void aSourceReleaseInAnObservationsFileWithAControlCharacterIsRefusedNamingTheCell() {
        Http.Response defined = http.as("koordinator").post("/api/indicators", Map.of("code", "TXT-01", "title", "Zähler",
                "policyField", "LANGUAGE", "figureType", "BASIC_COUNT", "numerator", "n", "dataSource", "Amt",
                "frequency", "YEARLY", "unit", "Personen"));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);

        Http.Response recorded = http.as("koordinator").send("POST", "/api/indicators/TXT-01/observations", "text/csv",
                "period,value,source_release\n2025,3,SEU\u000B2025\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertRefused(recorded, 400, "row 2: source_release");
        assertThat(recorded.json().at("/errors/0/reason").asText()).contains("U+000B");
    }

    // --- values far outside any sensible range are refused, never a 500 ---

    @Test
    void numbersAndDatesFarOutsideAnySensibleRangeAreRefusedWithAProblemNamingTheField() {
        String meeting = planExtraMeeting(2032, 4);
        Map<String, Http.Response> answers = new java.util.LinkedHashMap<>();
        answers.put("durationMinutes", http.as("koordinator").post("/api/meetings",
                "{\"year\":2032,\"quarter\":4,\"kind\":\"EXTRA\",\"title\":\"t\",\"durationMinutes\":99999999999}"));
        answers.put("year", http.as("koordinator").post("/api/meetings",
                Map.of("year", 999999999, "quarter", 4, "kind", "EXTRA", "title", "t", "durationMinutes", 60)));
        answers.put("start", http.as("koordinator").post("/api/meetings/" + meeting + "/schedule",
                Map.of("start", "+999999999-12-31T23:59:59Z")));
        answers.put("position", http.as("koordinator").post("/api/meetings/" + meeting + "/agenda-items",
                "{\"topic\":{\"kind\":\"FREE\",\"title\":\"t\"},\"position\":99999999999}"));
        answers.put("extraSlots[0]", http.as("koordinator").post("/api/scheduling-polls",
                Map.of("meetingId", meeting, "extraSlots", List.of("0001-01-01T13:00:00Z"))));
        answers.put("from", http.as("koordinator").get("/api/blocked-calendar/appointments?from=%2B999999999-01-01"));
        answers.put("If-Match", http.as("anna.amt50").header("If-Match", "\"99999999999999999999\"")
                .post("/api/problem-reports/any/details", Map.of("details", "d")));

        answers.forEach((field, answer) -> {
            assertThat(answer.status()).as(field + ": " + answer).isEqualTo(400);
            assertThat(answer.json().at("/errors/0/field").asText()).as(field + ": " + answer).isEqualTo(field);
        });
    }

    @Test
    void thePoliciesRunInOneSubscribingProcessorNamedForWhatItHolds() {
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);

        assertThat(processing.eventProcessor(PolicyCommands.PROCESSING_GROUP)).containsInstanceOf(SubscribingEventProcessor.class);
        assertThat(processing.eventProcessor("meeting-policies")).isEmpty();
    }

    @Test
    void theApiDocumentShowsTheLimitsOfTheValueTypes() {
        Http.Response docs = http.anonymous().get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().at("/components/schemas/Submit/properties/title/maxLength").asInt()).isEqualTo(200);
        assertThat(docs.json().at("/components/schemas/Submit/properties/title/minLength").asInt()).isEqualTo(1);
        assertThat(docs.json().at("/components/schemas/Submit/properties/description/maxLength").asInt()).isEqualTo(20_000);
        assertThat(docs.json().at("/components/schemas/CancellationRequest/properties/reason/maxLength").asInt()).isEqualTo(2_000);
        assertThat(docs.json().at("/components/schemas/DefinitionRequest/properties/code/pattern").asText())
                .isEqualTo("[A-Z]{2,6}-\\d{2}");
    }
}
