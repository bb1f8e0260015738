package de.gremium.intranet.sitzungen;

import de.gremium.intranet.PageTest;
import de.gremium.intranet.signin.SignedInUser;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the sitzungen page tests share besides {@link PageTest}: the people who use the pages, and the views' JSON
 * as the query side writes it.
 */
abstract class SitzungenPages extends PageTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final SignedInUser COORDINATOR = new SignedInUser("ute", "Ute Koordinatorin", List.of("COORDINATOR"));
    static final SignedInUser MEMBER = new SignedInUser("max", "Max Mitglied", List.of("MEMBER"));

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    static final String WORK_PLAN_2027 = """
            {"year":2027,"quarters":[
              {"quarter":1,"meetings":[]},
              {"quarter":2,"meetings":[
                {"meetingId":"regular-2027-Q2","kind":"REGULAR","title":"Zweite Sitzung 2027","status":"SCHEDULED",
                 "start":"2027-04-07T11:00:00Z","end":"2027-04-07T12:00:00Z","location":"Altes Rathaus, Raum 2",
                 "durationMinutes":60,"agenda":[
                   {"position":1,"agendaItemId":"a-1","kind":"FREE","referenceId":null,"title":"Begrüßung"},
                   {"position":2,"agendaItemId":"a-2","kind":"PROBLEM_REPORT","referenceId":"r-7","title":"Kita-Plätze für Geflüchtete"}]}]},
              {"quarter":3,"meetings":[
                {"meetingId":"m-extra","kind":"EXTRA","title":"Sondersitzung Sprachkurse","status":"PLANNED",
                 "start":null,"end":null,"location":null,"durationMinutes":45,"agenda":[]}]},
              {"quarter":4,"meetings":[]}],
             "openItemsCarriedOver":[]}""";

    static String meeting(String status, String start, String end) {
        boolean held = "HELD".equals(status);
        return """
                {"id":"regular-2027-Q2","year":2027,"quarter":2,"kind":"REGULAR","title":"Zweite Sitzung 2027",
                 "durationMinutes":60,"status":"%s","plannedBy":"ute","plannedAt":"2027-01-10T09:00:00Z",
                 "start":%s,"end":%s,"location":%s,"scheduledBy":null,"firstScheduledAt":null,"reschedules":[],
                 "agenda":[
                   {"agendaItemId":"a-1","kind":"FREE","referenceId":null,"title":"Begrüßung","addedBy":"ute","addedAt":"2027-01-10T09:00:00Z"},
                   {"agendaItemId":"a-2","kind":"PROBLEM_REPORT","referenceId":"r-7","title":"Kita-Plätze für Geflüchtete","addedBy":"ute","addedAt":"2027-01-11T09:00:00Z"}],
                 "guests":[{"guestId":"g-1","name":"Dr. Ada Gast","organisation":"Universität Magdeburg","invitedBy":"ute","invitedAt":"2027-01-12T09:00:00Z"}],
                 "attendance":%s,"minutes":%s,"cancellation":null,"icalSequence":0,
                 "lastChangedAt":"2027-01-12T09:00:00Z","version":4,"calendarOverride":null,
                 "attendees":%s,"guestsPresent":%s}"""
                .formatted(status, quoted(start), quoted(end), start == null ? "null" : "\"Altes Rathaus, Raum 2\"",
                        held ? "{\"members\":[\"max\",\"eva\"],\"guests\":[\"g-1\"],\"recordedBy\":\"ute\",\"recordedAt\":\"2027-04-07T12:30:00Z\"}" : "null",
                        held ? "\"Die Gruppe beriet die Kita-Plätze.\\nNächster Schritt: Gespräch mit dem Jugendamt.\"" : "null",
                        held ? "[{\"memberId\":\"max\",\"name\":\"Max Mitglied\"},{\"memberId\":\"eva\",\"name\":\"Eva Beispiel\"}]" : "[]",
                        held ? "[{\"guestId\":\"g-1\",\"name\":\"Dr. Ada Gast\",\"organisation\":\"Universität Magdeburg\",\"invitedBy\":\"ute\",\"invitedAt\":\"2027-01-12T09:00:00Z\"}]" : "[]");
    }

    static final String POLLS_OF_THE_MEETING = """
            {"data":[{"pollId":"p-1","meetingId":"regular-2027-Q2","status":"OPEN","openedBy":"ute",
              "openedAt":"2027-02-01T08:00:00Z","candidates":2,"answered":1,"notAnsweredCount":1,
              "notAnswered":"Eva Beispiel (eva)","leadingCandidate":"2027-04-07T13:00:00+02:00",
              "leadingStart":"2027-04-07T11:00:00Z","tally":"…","fixedCandidate":null,"fixedStart":null,
              "lastChangedAt":"2027-02-02T08:00:00Z","version":2}],
             "pagination":{"totalElements":1,"elementsPerPage":100,"currentPage":1,"totalPages":1},"links":{}}""";

    static final String FIRST = "2027-04-07T13:00:00+02:00";
    static final String SECOND = "2027-04-14T13:00:00+02:00";

    static String poll(String status, String fixed) {
        return """
                {"pollId":"p-1","meetingId":"regular-2027-Q2","status":"%s","openedBy":"ute","openedAt":"2027-02-01T08:00:00Z",
                 "candidates":[
                   {"candidateId":"%s","start":"2027-04-07T11:00:00Z","end":"2027-04-07T12:00:00Z","withinPreferredWindow":true,"conflicts":[]},
                   {"candidateId":"%s","start":"2027-04-14T11:00:00Z","end":"2027-04-14T12:00:00Z","withinPreferredWindow":true,
                    "conflicts":["Ausschusssitzung 'Jugendhilfeausschuss' 15:00–17:00"]}],
                 "answers":[{"memberId":"max","answeredAt":"2027-02-02T08:00:00Z","choices":{"%s":"YES","%s":"NO"}}],
                 "tally":[
                   {"rank":1,"candidateId":"%s","start":"2027-04-07T11:00:00Z","end":"2027-04-07T12:00:00Z","withinPreferredWindow":true,
                    "conflicts":[],"yes":1,"ifNeedBe":0,"no":0,"unanswered":0,"fixed":%s},
                   {"rank":2,"candidateId":"%s","start":"2027-04-14T11:00:00Z","end":"2027-04-14T12:00:00Z","withinPreferredWindow":true,
                    "conflicts":["Ausschusssitzung 'Jugendhilfeausschuss' 15:00–17:00"],"yes":0,"ifNeedBe":0,"no":1,"unanswered":0,"fixed":false}],
                 "notAnswered":[{"memberId":"eva","name":"Eva Beispiel"}],
                 "fixed":%s,"lastChangedAt":"2027-02-02T08:00:00Z","version":2}"""
                .formatted(status, FIRST, SECOND, FIRST, SECOND, FIRST, fixed != null, SECOND,
                        fixed == null ? "null" : "{\"candidateId\":\"" + FIRST + "\",\"start\":\"2027-04-07T11:00:00Z\","
                                + "\"end\":\"2027-04-07T12:00:00Z\",\"fixedBy\":\"ute\",\"fixedAt\":\"2027-02-10T08:00:00Z\"}");
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
