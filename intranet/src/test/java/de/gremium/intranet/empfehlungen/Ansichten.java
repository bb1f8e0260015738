package de.gremium.intranet.empfehlungen;

/**
 * Canned answers of the APIs in the shapes of the real views (query side: {@code RecommendationView},
 * {@code RecommendationRow}, {@code RecommendationTrace}, {@code DeliberationView}, {@code ProjectIdeaDetail},
 * {@code MemberDirectory}; pages as {@code PageView}).
 */
final class Ansichten {

    private Ansichten() {
    }

    static final String MITGLIEDER = """
            {"members":[
              {"memberId":"anna","name":"Anna Amt","unit":"Amt 50","department":"V","roles":[],"appointedAt":"2026-01-05T08:00:00Z"},
              {"memberId":"bernd","name":"Bernd Beirat","unit":"Amt 51","department":"V","roles":[],"appointedAt":"2026-01-05T08:00:00Z"},
              {"memberId":"koordination","name":"Kora Koordination","unit":"Amt 50","department":"V","roles":["COORDINATOR"],"appointedAt":"2026-01-05T08:00:00Z"}]}""";

    static final String LISTE = """
            {"data":[
              {"id":"rec-1","status":"DEFERRED","text":"Die Stadt richtet Sprachcafés in allen Stadtteilen ein.",
               "policyFields":"LANGUAGE, NEIGHBOURHOODS","year":2026,"formulatedAt":"2026-10-07T14:30:00Z","meetingId":"meet-1",
               "deliberationId":"del-1","projectIdeas":"idea-1","problemReports":"rep-1","submittedAt":"2026-10-08T09:00:00Z",
               "decision":"DEFERRED","decidedAt":"2026-11-02T10:00:00Z","reviewDate":"2027-03-31","version":5},
              {"id":"rec-2","status":"FORMULATED","text":"Mehrsprachige Elternabende in den Kitas.","policyFields":"CHILDREN_YOUTH",
               "year":2026,"formulatedAt":"2026-10-07T15:00:00Z","meetingId":"meet-1","deliberationId":"del-2","projectIdeas":"",
               "problemReports":"","submittedAt":null,"decision":null,"decidedAt":null,"reviewDate":null,"version":1}],
             "pagination":{"totalElements":23,"elementsPerPage":20,"currentPage":1,"totalPages":2},
             "links":{"first":"x","prev":null,"next":"y","last":"y"}}""";

    /** A recommendation; {@code %s} are its status, its decision (JSON or null), its review date (JSON) and version. */
    static String empfehlung(String status, String decision, String reviewDate, int version) {
        return """
                {"id":"rec-1","text":"Die Stadt richtet Sprachcafés in allen Stadtteilen ein.","policyFields":["LANGUAGE"],
                 "status":"%s","year":2026,"deliberationId":"del-1","meetingId":"meet-1","agendaItemId":"item-1",
                 "projectIdeas":["idea-1"],"problemReports":["rep-1"],"formulatedBy":"koordination",
                 "formulatedAt":"2026-10-07T14:30:00Z",
                 "submission":{"note":"Bitte vor der Haushaltsberatung.","submittedBy":"koordination","submittedAt":"2026-10-08T09:00:00Z"},
                 "decision":%s,"reviewDate":%s,"lastChangedAt":"2026-10-08T09:00:00Z","version":%d}"""
                .formatted(status, decision, reviewDate, version);
    }

    static final String VORGELEGT = empfehlung("SUBMITTED", "null", "null", 3);

    static final String ANGENOMMEN = empfehlung("DECIDED", """
            {"decision":"ACCEPTED","reasons":"Wird im Haushalt 2027 umgesetzt.","reviewDate":null,
             "recordedBy":"buero-ob","recordedAt":"2026-11-02T10:00:00Z"}""", "null", 4);

    private static String schritt(String kind, String eventType, String aggregateId, String by, String at, String details) {
        return """
                {"kind":"%s","eventType":"%s","eventId":"ev-%s-%s","aggregateId":"%s","by":"%s","at":"%s",
                 "correlationId":"c","causationId":"c","details":%s}""".formatted(kind, eventType, eventType, at,
                aggregateId, by, at, details);
    }

    /** The chain from the report to the measure's verdict, in the order the API gives it. */
    static final String SPUR = """
            {"recommendationId":"rec-1","asOf":"2026-12-01T00:00:00Z","status":"ACCEPTED",
             "text":"Die Stadt richtet Sprachcafés in allen Stadtteilen ein.",
             "problemReports":[{"id":"rep-1","title":"Zu wenige Sprachkurse im Norden","history":[]}],
             "projectIdeas":[{"id":"idea-1","title":"Sprachcafés","history":[]}],
             "agendaItem":null,
             "meeting":{"meetingId":"meet-1","title":"Sitzung IV/2026","attendees":["anna","bernd"],"guestsPresent":[],"history":[]},
             "deliberation":null,"submission":null,"decisions":[],
             "measures":[{"measureId":"mass-1","title":"Sprachcafés in fünf Stadtteilen","verdict":"ON_TRACK","history":[]}],
             "chain":[""" + String.join(",",
            schritt("problem-report", "ProblemReportSubmitted", "rep-1", "anna", "2026-03-02T08:00:00Z",
                    "{\"title\":\"Zu wenige Sprachkurse im Norden\",\"unit\":\"Amt 50\"}"),
            schritt("project-idea", "ProjectIdeaProposed", "idea-1", "koordination", "2026-04-01T08:00:00Z",
                    "{\"title\":\"Sprachcafés\",\"description\":\"Treffpunkte zum Sprechen\"}"),
            schritt("meeting", "AgendaItemAdded", "meet-1", "koordination", "2026-09-01T08:00:00Z",
                    "{\"topicKind\":\"PROJECT_IDEA\",\"topicTitle\":\"Sprachcafés\"}"),
            schritt("meeting", "MeetingHeld", "meet-1", "koordination", "2026-10-07T14:00:00Z",
                    "{\"attendees\":[\"anna\",\"bernd\"],\"minutes\":\"Protokoll\"}"),
            schritt("deliberation", "DraftRecommendationPut", "del-1", "koordination", "2026-10-07T14:05:00Z",
                    "{\"text\":\"Sprachcafés in drei Stadtteilen\"}"),
            schritt("deliberation", "ConsensusRecorded", "del-1", "koordination", "2026-10-07T14:30:00Z",
                    "{\"text\":\"Die Stadt richtet Sprachcafés in allen Stadtteilen ein.\"}"),
            schritt("recommendation", "RecommendationFormulated", "rec-1", "koordination", "2026-10-07T14:30:01Z",
                    "{\"text\":\"Die Stadt richtet Sprachcafés in allen Stadtteilen ein.\"}"),
            schritt("recommendation", "MayorsDecisionRecorded", "rec-1", "buero-ob", "2026-11-02T10:00:00Z",
                    "{\"decision\":\"ACCEPTED\",\"reasons\":\"Wird im Haushalt 2027 umgesetzt.\"}"),
            schritt("measure", "MeasureAdopted", "mass-1", "koordination", "2026-11-20T10:00:00Z",
                    "{\"title\":\"Sprachcafés in fünf Stadtteilen\"}"),
            schritt("measure", "MeasureVerdictChanged", "mass-1", "koordination", "2026-12-01T00:00:00Z",
                    "{\"verdict\":\"ON_TRACK\",\"basis\":\"3 von 5 eröffnet\"}")) + "]}";

    /** A running deliberation: one objection open (bernd), one resolved by the first amendment (anna). */
    static String beratung(String status, String outcome) {
        return """
                {"id":"del-1","meetingId":"meet-1","agendaItemId":"item-1","status":"%s",
                 "originalDraft":"Sprachcafés in drei Stadtteilen","draft":"Sprachcafés in allen Stadtteilen",
                 "policyFields":["LANGUAGE"],"year":2026,"projectIdeas":["idea-1"],"problemReports":[],
                 "membersPresent":["anna","bernd","koordination"],"guestsPresent":["gast-1"],"putBy":"koordination",
                 "putAt":"2026-10-07T14:05:00Z",
                 "amendments":[{"text":"Sprachcafés in allen Stadtteilen","resolves":["obj-1"],"amendedBy":"koordination",
                   "amendedAt":"2026-10-07T14:20:00Z"}],
                 "objections":[
                   {"objectionId":"obj-1","memberId":"anna","reason":"Drei Stadtteile sind zu wenig.","raisedAt":"2026-10-07T14:10:00Z",
                    "state":"RESOLVED_BY_AMENDMENT","endedBy":"koordination","endedAt":"2026-10-07T14:20:00Z","note":null},
                   {"objectionId":"obj-2","memberId":"bernd","reason":"Die Finanzierung ist offen.","raisedAt":"2026-10-07T14:12:00Z",
                    "state":"OPEN","endedBy":null,"endedAt":null,"note":null}],
                 "guestComments":[{"guestId":"gast-1","comment":"Der Verein hilft gern.","recordedBy":"koordination",
                   "commentedAt":"2026-10-07T14:15:00Z"}],
                 "outcome":%s,"lastChangedAt":"2026-10-07T14:20:00Z","version":6}""".formatted(status, outcome);
    }

    static final String SITZUNG = """
            {"id":"meet-1","title":"Sitzung IV/2026","guests":[{"guestId":"gast-1","name":"Gül Gast",
             "organisation":"Migrantenverein","invitedBy":"koordination","invitedAt":"2026-09-01T08:00:00Z"}]}""";

    static final String BERATUNGEN = """
            {"data":[{"id":"del-1","status":"RUNNING","outcome":null,"recommendationId":null,"meetingId":"meet-1",
              "agendaItemId":"item-1","draft":"Sprachcafés in allen Stadtteilen","policyFields":"LANGUAGE","year":2026,
              "putAt":"2026-10-07T14:05:00Z","amendments":1,"openObjections":1,"resolvedObjections":1,"guestComments":1,
              "closedAt":null,"version":6}],
             "pagination":{"totalElements":1,"elementsPerPage":20,"currentPage":1,"totalPages":1},
             "links":{"first":"x","prev":null,"next":null,"last":"x"}}""";

    static final String IDEE = """
            {"id":"idea-1","title":"Sprachcafés","description":"Treffpunkte zum Sprechen in den Stadtteilen.",
             "policyFields":["LANGUAGE"],"status":"RECOMMENDED","proposedBy":"koordination","proposedAt":"2026-04-01T08:00:00Z",
             "agendaPlacements":[{"meetingId":"meet-1","agendaItemId":"item-1","placedBy":"koordination","placedAt":"2026-09-01T08:00:00Z"}],
             "currentMeetingId":"meet-1","discussions":[],"recommendationIds":["rec-1"],"closure":null,
             "history":[{"kind":"PROPOSED","actor":"koordination","at":"2026-04-01T08:00:00Z","meetingId":null,"note":null},
                        {"kind":"PLACED_ON_AGENDA","actor":"koordination","at":"2026-09-01T08:00:00Z","meetingId":"meet-1","note":null},
                        {"kind":"RECOMMENDED","actor":"koordination","at":"2026-10-07T14:30:00Z","meetingId":"meet-1","note":"rec-1"}],
             "lastChangedAt":"2026-10-07T14:30:00Z","version":3,
             "meetings":[{"meetingId":"meet-1","agendaItemId":"item-1","placedAt":"2026-09-01T08:00:00Z","title":"Sitzung IV/2026",
               "kind":"REGULAR","status":"HELD","start":"2026-10-07T14:00:00Z","end":"2026-10-07T15:00:00Z","discussed":true}]}""";
}
