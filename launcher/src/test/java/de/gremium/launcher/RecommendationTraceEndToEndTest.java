package de.gremium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.RecordRows;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heart of the product, end to end over HTTP: two problem reports and a project idea, a meeting
 * held with members and a guest, a draft recommendation, an objection and its resolution by
 * amendment, consensus, submission and the mayor's decision — then the trace checked link by link
 * against the event store, and the trace as it stood before the submission.
 */
class RecommendationTraceEndToEndTest {

    @TempDir
    static Path dataDir;
    static RunningSystem system;

    @BeforeAll
    static void start() {
        system = RunningSystem.start(dataDir);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    static String created(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    static void ok(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 204);
    }

    @Test
    void aRecommendationIsTracedFromTheReportsToTheMayorsDecision() {
        Http.Call anna = system.command.as("anna.amt50");
        Http.Call jonas = system.command.as("jonas.fb32");
        Http.Call coordinator = system.command.as("koordinator");
        Http.Call mayorsOffice = system.command.as("buero.ob");

        String report1 = created(anna.post("/api/problem-reports", Map.of("title", "Sprachkurse ausgebucht",
                "description", "Wartezeit sechs Monate", "unit", "Amt 50", "policyFields", List.of("LANGUAGE"))));
        String report2 = created(jonas.post("/api/problem-reports", Map.of("title", "Keine Kinderbetreuung in Kursen",
                "description", "Mütter können nicht teilnehmen", "unit", "FB 32", "policyFields", List.of("WOMEN_GIRLS"))));
        ok(coordinator.post("/api/problem-reports/" + report1 + "/acknowledgement", Map.of("note", "Tagesordnung Q4")));
        String idea = created(coordinator.post("/api/project-ideas", Map.of("title", "Sprachkurse mit Kinderbetreuung",
                "description", "Kurse der VHS mit Betreuung", "policyFields", List.of("LANGUAGE", "WOMEN_GIRLS"))));

        // the quarter's meeting took place on Wednesday 7 October 2026, 13:00 in Magdeburg
        String meeting = created(coordinator.post("/api/meetings", Map.of("year", 2026, "quarter", 4, "kind", "REGULAR",
                "title", "Sitzung Q4/2026", "durationMinutes", 60)));
        ok(coordinator.post("/api/meetings/" + meeting + "/schedule", Map.of("start", "2026-10-07T13:00:00+02:00",
                "location", "Altes Rathaus")));
        String ideaItem = created(coordinator.post("/api/meetings/" + meeting + "/agenda-items", Map.of("topic",
                Map.of("kind", "PROJECT_IDEA", "referenceId", idea, "title", "Sprachkurse mit Kinderbetreuung"))));
        created(coordinator.post("/api/meetings/" + meeting + "/agenda-items", Map.of("topic",
                Map.of("kind", "FREE", "title", "Verschiedenes"))));
        String guest = created(coordinator.post("/api/meetings/" + meeting + "/guests",
                Map.of("name", "Frau Schmidt", "organisation", "Jobcenter Magdeburg")));
        ok(coordinator.post("/api/meetings/" + meeting + "/held", Map.of("attendees",
                List.of("koordinator", "anna.amt50", "jonas.fb32"), "guestsPresent", List.of(guest), "minutes", "Protokoll …")));

        String deliberation = created(coordinator.post("/api/deliberations", Map.of("meetingId", meeting, "agendaItemId", ideaItem,
                "text", "Die Projektgruppe empfiehlt Sprachkurse mit Kinderbetreuung.", "policyFields", List.of("LANGUAGE"),
                "problemReports", List.of(report1, report2))));
        assertThat(mayorsOffice.post("/api/deliberations/" + deliberation + "/objections", Map.of("reason", "nicht anwesend"))
                .status()).as("buero.ob was not present").isEqualTo(403);
        String objection = created(jonas.post("/api/deliberations/" + deliberation + "/objections",
                Map.of("reason", "Die Finanzierung ist offen.")));
        ok(coordinator.post("/api/deliberations/" + deliberation + "/guest-comments",
                Map.of("guestId", guest, "comment", "Das Jobcenter kann Kinderbetreuung fördern.")));
        assertThat(coordinator.post("/api/deliberations/" + deliberation + "/consensus", "{}").status())
                .as("an objection is open").isEqualTo(409);
        ok(coordinator.post("/api/deliberations/" + deliberation + "/amendments", Map.of("text",
                "Die Projektgruppe empfiehlt Sprachkurse mit Kinderbetreuung, gefördert durch das Jobcenter.",
                "resolves", List.of(objection))));
        String recommendation = created(coordinator.post("/api/deliberations/" + deliberation + "/consensus", "{}"));

        Instant beforeSubmission = Instant.now();
        awaitTrace(recommendation, "FORMULATED");
        assertThat(anna.post("/api/recommendations/" + recommendation + "/submission", "{}").status()).isEqualTo(403);
        ok(coordinator.post("/api/recommendations/" + recommendation + "/submission", Map.of("note", "Vorlage an den OB")));
        assertThat(coordinator.post("/api/recommendations/" + recommendation + "/decision", Map.of("decision", "ACCEPTED",
                "reasons", "x")).status()).as("only the mayor's office records the decision").isEqualTo(403);
        ok(mayorsOffice.post("/api/recommendations/" + recommendation + "/decision", Map.of("decision",
                "ACCEPTED_WITH_MODIFICATIONS", "reasons", "Zunächst in zwei Stadtteilen", "reviewDate", "2027-06-30")));

        JsonNode trace = awaitTrace(recommendation, "ACCEPTED_WITH_MODIFICATIONS");

        // link by link
        assertThat(trace.get("problemReports")).extracting(r -> r.get("id").asText()).containsExactly(report1, report2);
        assertThat(trace.get("problemReports").get(0).get("title").asText()).isEqualTo("Sprachkurse ausgebucht");
        assertThat(trace.get("problemReports").get(0).get("history")).extracting(s -> s.get("eventType").asText())
                .contains("ProblemReportSubmitted", "ProblemReportAcknowledged", "ProblemReportAddressed");
        assertThat(trace.get("problemReports").get(1).get("history").get(0).get("by").asText()).isEqualTo("jonas.fb32");
        assertThat(trace.get("projectIdeas").get(0).get("id").asText()).isEqualTo(idea);
        assertThat(trace.get("projectIdeas").get(0).get("history")).extracting(s -> s.get("eventType").asText())
                .containsExactly("ProjectIdeaProposed", "ProjectIdeaPlacedOnAgenda", "ProjectIdeaDiscussed", "ProjectIdeaRecommended");
        assertThat(trace.get("agendaItem").get("details").get("topicReference").asText()).isEqualTo(idea);
        assertThat(trace.get("meeting").get("attendees")).extracting(JsonNode::asText)
                .containsExactly("koordinator", "anna.amt50", "jonas.fb32");
        assertThat(trace.get("meeting").get("guestsPresent")).extracting(JsonNode::asText).containsExactly(guest);
        JsonNode deliberationPart = trace.get("deliberation");
        assertThat(deliberationPart.get("draft").get("by").asText()).isEqualTo("koordinator");
        JsonNode theObjection = deliberationPart.get("objections").get(0);
        assertThat(theObjection.get("raisedBy").asText()).isEqualTo("jonas.fb32");
        assertThat(theObjection.get("reason").asText()).isEqualTo("Die Finanzierung ist offen.");
        assertThat(theObjection.get("ended").get("details").get("outcome").asText()).isEqualTo("RESOLVED_BY_AMENDMENT");
        assertThat(deliberationPart.get("guestComments").get(0).get("details").get("comment").asText()).contains("Jobcenter");
        assertThat(deliberationPart.get("conclusion").get("eventType").asText()).isEqualTo("ConsensusRecorded");
        assertThat(trace.get("submission").get("by").asText()).isEqualTo("koordinator");
        assertThat(trace.get("decisions").get(0).get("by").asText()).isEqualTo("buero.ob");
        assertThat(trace.get("decisions").get(0).get("details").get("reviewDate").asText()).isEqualTo("2027-06-30");

        // every step is a stored event with the same type, by the same user
        Map<String, RecordRows.Row> stored = new HashMap<>();
        system.record().all().forEach(row -> stored.put(row.eventId(), row));
        for (JsonNode step : trace.get("chain")) {
            RecordRows.Row event = stored.get(step.get("eventId").asText());
            assertThat(event).as("event behind " + step).isNotNull();
            assertThat(event.payloadType()).endsWith("." + step.get("eventType").asText());
            assertThat(event.meta().path("userId").asText()).isEqualTo(step.get("by").asText());
            assertThat(step.get("at").asText()).isNotBlank();
        }
        // causation from metadata: the recommendation was formulated because consensus was recorded
        String consensusEvent = deliberationPart.get("conclusion").get("eventId").asText();
        JsonNode formulated = findStep(trace.get("chain"), "RecommendationFormulated");
        assertThat(formulated.get("causationId").asText()).isEqualTo(consensusEvent);
        assertThat(findStep(trace.get("chain"), "ProjectIdeaRecommended").get("causationId").asText())
                .isEqualTo(formulated.get("eventId").asText());
        assertThat(formulated.get("correlationId").asText()).isEqualTo(deliberationPart.get("conclusion").get("correlationId").asText());

        // the reports and the idea moved on
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(system.query.as("leser").get("/api/problem-reports/" + report2).json().get("status").asText()).isEqualTo("ADDRESSED");
            assertThat(system.query.as("leser").get("/api/project-ideas/" + idea).json().toString()).contains("RECOMMENDED");
        });

        // as it stood before the submission (coordinator only)
        JsonNode earlier = system.query.as("koordinator").get("/api/recommendations/" + recommendation + "/trace?asOf=" + beforeSubmission).json();
        assertThat(earlier.get("status").asText()).isEqualTo("FORMULATED");
        assertThat(earlier.has("submission")).isFalse();
        assertThat(earlier.get("decisions")).isEmpty();
        assertThat(system.query.as("koordinator").get("/api/recommendations/" + recommendation + "/trace?asOf=2026-01-01T00:00:00Z")
                .status()).as("the recommendation did not exist yet").isEqualTo(404);
        assertThat(system.query.as("anna.amt50").get("/api/recommendations/" + recommendation + "/trace?asOf=" + beforeSubmission)
                .status()).as("as-of views are audit views").isEqualTo(403);
        assertThat(system.query.as("anna.amt50").get("/api/recommendations/" + recommendation + "/trace").status()).isEqualTo(200);

        // the audit trail, event by event (coordinator only)
        JsonNode[] audit = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            audit[0] = system.query.as("koordinator").get("/api/audit/aggregates/" + recommendation + "/events").json();
            assertThat(audit[0].get("data")).hasSize(3);
        });
        assertThat(audit[0].get("data")).extracting(e -> e.get("eventType").asText())
                .containsExactly("RecommendationFormulated", "RecommendationSubmitted", "MayorsDecisionRecorded");
        assertThat(audit[0].get("data")).extracting(e -> e.get("userId").asText())
                .containsExactly("koordinator", "koordinator", "buero.ob");
        assertThat(audit[0].get("data").get(0).get("causationId").asText()).isEqualTo(consensusEvent);
        for (JsonNode entry : audit[0].get("data")) {
            assertThat(stored.get(entry.get("eventId").asText())).as("stored event behind " + entry).isNotNull();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(system.query.as("koordinator")
                .get("/api/audit/people/jonas.fb32/events?type=ObjectionRaised").json().get("data")).hasSize(1));
        Http.Response csv = system.query.as("koordinator").get("/api/audit/people/jonas.fb32/events?format=csv");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).contains("ObjectionRaised", "ProblemReportSubmitted");
        assertThat(system.query.as("anna.amt50").get("/api/audit/aggregates/" + recommendation + "/events").status())
                .as("members cannot read the audit").isEqualTo(403);
        assertThat(system.query.as("leser").get("/api/audit/verification").status()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode verification = system.query.as("koordinator").get("/api/audit/verification").json();
            assertThat(verification.get("intact").asBoolean()).isTrue();
            assertThat(verification.get("verified").asLong()).isEqualTo(stored.size());
        });

        measureTheMeasure(recommendation);
    }

    /**
     * The recommendation becomes a measure on an indicator; observations come in as a CSV file; the
     * monitoring's verdict is an event that joins the recommendation's trace and the monitoring view.
     */
    private static void measureTheMeasure(String recommendation) {
        Http.Call coordinator = system.command.as("koordinator");
        Map<String, Object> indicator = new HashMap<>();
        indicator.put("code", "SPR-01");
        indicator.put("title", "Teilnahmequote an Sprachkursen");
        indicator.put("policyField", "LANGUAGE");
        indicator.put("figureType", "KEY_FIGURE");
        indicator.put("numerator", "Teilnehmende an Integrationskursen");
        indicator.put("denominator", "Berechtigte");
        indicator.put("dataSource", "BAMF Integrationskursgeschäftsstatistik");
        indicator.put("breakdowns", Map.of("SEX", List.of("weiblich", "männlich")));
        indicator.put("frequency", "YEARLY");
        indicator.put("unit", "%");
        created(coordinator.post("/api/indicators", indicator));

        String bad = "period,sex,value,source_release\n2025,,40,BAMF 2025\n2025,divers,41,BAMF 2025\n";
        Http.Response refused = coordinator.send("POST", "/api/indicators/SPR-01/observations", "text/csv",
                bad.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body()).contains("row 3");
        String good = "period,sex,value,source_release\n2025,,40,BAMF 2025\n2025,weiblich,38,BAMF 2025\n2026,,55,BAMF 2026\n";
        Http.Response imported = coordinator.send("POST", "/api/indicators/SPR-01/observations", "text/csv",
                good.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.toString()).isBetween(200, 204);

        String measure = created(coordinator.post("/api/measures", Map.of("recommendationId", recommendation,
                "title", "Sprachkurse mit Kinderbetreuung in zwei Stadtteilen", "targets", List.of(Map.of(
                        "indicatorId", "SPR-01", "baseline", 40, "baselinePeriod", "2025", "target", 60,
                        "targetDate", "2028-12-31", "direction", "INCREASE")))));

        // 55 at the end of 2026 is above the linear path from 40 (end of 2025) to 60 (end of 2028)
        JsonNode trace = awaitTraceWith(recommendation, t -> t.path("measures").size() == 1
                && "ON_TRACK".equals(t.path("measures").get(0).path("verdict").asText()));
        JsonNode measurePart = trace.get("measures").get(0);
        assertThat(measurePart.get("measureId").asText()).isEqualTo(measure);
        assertThat(measurePart.get("history")).extracting(s -> s.get("eventType").asText())
                .containsExactly("MeasureAdopted", "MeasureVerdictChanged");
        assertThat(measurePart.get("history").get(1).get("details").get("basis").asText()).contains("2026");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode monitoring = system.query.as("leser").get("/api/monitoring/policy-fields/LANGUAGE").json();
            assertThat(monitoring.get("indicators").get(0).get("latest").toString()).contains("2026", "55");
            assertThat(monitoring.get("measures").get(0).get("verdict").asText()).isEqualTo("ON_TRACK");
        });
        Http.Response csv = system.query.as("leser").get("/api/monitoring/indicators/SPR-01?format=csv");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).contains("2025", "2026", "weiblich");

        String year = String.valueOf(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).getYear());
        Http.Response report = system.query.as("leser").get("/api/reports/advisory-council?from=" + year + "-01-01&to="
                + year + "-12-31&format=markdown");
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.body()).contains("Beirat", "Sprachkurse ausgebucht", "Sitzung Q4/2026");
    }

    private static JsonNode awaitTraceWith(String recommendation, java.util.function.Predicate<JsonNode> until) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Http.Response response = system.query.as("leser").get("/api/recommendations/" + recommendation + "/trace");
            assertThat(until.test(response.json())).as(response.body()).isTrue();
            seen[0] = response.json();
        });
        return seen[0];
    }

    private static JsonNode awaitTrace(String recommendation, String status) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Http.Response response = system.query.as("leser").get("/api/recommendations/" + recommendation + "/trace");
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().get("status").asText()).isEqualTo(status);
            seen[0] = response.json();
        });
        return seen[0];
    }

    private static JsonNode findStep(JsonNode chain, String eventType) {
        for (JsonNode step : chain) {
            if (eventType.equals(step.get("eventType").asText())) {
                return step;
            }
        }
        throw new AssertionError("no " + eventType + " in " + chain);
    }
}
