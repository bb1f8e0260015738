package de.gremium.command.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.gremium.command.CommandSideApplication;
import de.gremium.events.PolicyField;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.recommendation.FormulateRecommendation;
import de.gremium.events.recommendation.RecommendationId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.RecordRows;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command side as the coordinator reaches it: indicators defined, observations imported as CSV and JSON,
 * a measure adopted and evaluated by the monitoring. Periods are set relative to today, so that they have begun.
 */
class MonitoringApiTest {

    static final String CSV = "text/csv";
    static final int YEAR = LocalDate.now(ZoneId.of("Europe/Berlin")).getYear();
    static final String LAST_YEAR = String.valueOf(YEAR - 1);

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

    static List<RecordRows.Row> eventsOf(String aggregateId) {
        return RecordRows.of(app).ofAggregate(aggregateId);
    }

    static JsonNode metaOf(RecordRows.Row event) {
        try {
            return new ObjectMapper().readTree(event.metaData());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String payloadOf(RecordRows.Row event) {
        return event.payload();
    }

    static String fixture(String name) {
        try (InputStream in = MonitoringApiTest.class.getClassLoader().getResourceAsStream("monitoring/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{year}}", LAST_YEAR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> definition(String code) {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("code", code);
        definition.put("title", "Anteil der Kinder mit Sprachförderbedarf bei der Schuleingangsuntersuchung");
        definition.put("policyField", "LANGUAGE");
        definition.put("figureType", "STRUCTURAL_FIGURE");
        definition.put("numerator", "untersuchte Kinder mit Sprachförderbedarf");
        definition.put("denominator", "untersuchte Kinder");
        definition.put("dataSource", "Gesundheitsamt, Schuleingangsuntersuchung");
        definition.put("breakdowns", Map.of("SEX", List.of("weiblich", "männlich"), "CITY_DISTRICT", List.of("Altstadt", "Neustadt")));
        definition.put("frequency", "YEARLY");
        definition.put("unit", "%");
        return definition;
    }

    static Http.Response define(String code) {
        return http.as("koordinator").post("/api/indicators", definition(code));
    }

    static Http.Response upload(String user, String code, String query, String file) {
        return http.as(user).send("POST", "/api/indicators/" + code + "/observations" + query, CSV + "; charset=utf-8",
                file.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Object> target(String code, String baselinePeriod, String targetDate) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("indicatorId", code);
        target.put("baseline", 40);
        target.put("baselinePeriod", baselinePeriod);
        target.put("target", 50);
        target.put("targetDate", targetDate);
        target.put("direction", "INCREASE");
        return target;
    }

    @Test
    void theCoordinatorDefinesAnIndicatorOnce() {
        Http.Response defined = define("SPR-01");

        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        assertThat(defined.header("Location")).endsWith("/api/monitoring/indicators/SPR-01");
        Http.Response again = define("SPR-01");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).isEqualTo("urn:gremium:problem:rule-violation");
        assertThat(eventsOf("SPR-01")).hasSize(1);

        Http.Response badCode = define("Spr-1");
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.json().at("/errors/0/field").asText()).isEqualTo("code");
    }

    @Test
    void aKeyedDefinitionThatFirstLooksForTheIndicatorIsStoredWithItsKeyAndRepliedTheSecondTime() {
        // the controller reads the indicator before defining it; not finding it must not undo the key's claim
        Http.Response first = http.as("koordinator").header("Idempotency-Key", "define-spr-21").post("/api/indicators",
                definition("SPR-21"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(RecordRows.of(app).jdbc().queryForObject("SELECT count(*) FROM idempotency_record WHERE status = 201",
                Long.class)).isGreaterThanOrEqualTo(1);

        Http.Response again = http.as("koordinator").header("Idempotency-Key", "define-spr-21").post("/api/indicators",
                definition("SPR-21"));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventsOf("SPR-21")).hasSize(1);
    }

    @Test
    void aFileWithOneBadRowIsRefusedWholeListingTheRowAndAGoodFileIsRecorded() {
        assertThat(define("SPR-02").status()).isEqualTo(201);

        Http.Response refused = upload("koordinator", "SPR-02", "?filename=seu.csv", fixture("sprachfoerderbedarf-eine-falsche-zeile.csv"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).isEqualTo("Problems in 1 of 4 rows; nothing was recorded.");
        JsonNode errors = refused.json().get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("row 4: sex");
        assertThat(errors.get(0).get("reason").asText()).isEqualTo("'divers' is not a value of SEX; allowed: [weiblich, männlich]");
        assertThat(eventsOf("SPR-02")).hasSize(1);

        Http.Response recorded = upload("koordinator", "SPR-02", "?filename=seu.csv", fixture("sprachfoerderbedarf-gut.csv"));

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(recorded.json().get("observations").asInt()).isEqualTo(5);
        List<RecordRows.Row> stored = eventsOf("SPR-02");
        assertThat(stored).hasSize(2);
        assertThat(stored.get(1).payloadType()).endsWith(".ObservationsRecorded");
        assertThat(payloadOf(stored.get(1))).contains("\"source\":\"seu.csv\"",
                "\"importId\":\"" + recorded.json().get("importId").asText() + "\"");
        assertThat(metaOf(stored.get(1)).path("userId").asText(null)).isEqualTo("koordinator");
    }

    @Test
    void observationsCanBeSentAsJsonAndAreCheckedTheSameWay() {
        assertThat(define("SPR-03").status()).isEqualTo(201);
        Map<String, Object> good = Map.of("period", LAST_YEAR, "value", 31.4, "sourceRelease", "SEU " + LAST_YEAR);
        Map<String, Object> bad = Map.of("period", LAST_YEAR + "-Q1", "breakdown", Map.of("SEX", "divers"), "value", 101,
                "sourceRelease", "SEU");

        Http.Response refused = http.as("koordinator").post("/api/indicators/SPR-03/observations",
                Map.of("observations", List.of(good, bad)));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(StreamSupport.stream(refused.json().get("errors").spliterator(), false).map(e -> e.get("field").asText()))
                .containsExactly("observations[1].period", "observations[1].breakdown.SEX", "observations[1].value");

        Http.Response recorded = http.as("koordinator").post("/api/indicators/SPR-03/observations", Map.of("observations", List.of(good)));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(payloadOf(eventsOf("SPR-03").get(1))).contains("\"source\":\"api\"");
    }

    @Test
    void aPeriodOrADateOutsideTheYears1900To2200IsRefusedNamingItsRowOrField() {
        assertThat(define("SPR-10").status()).isEqualTo(201);

        Http.Response csv = upload("koordinator", "SPR-10", "", "period,value,source_release\n" + LAST_YEAR + ",31.4,SEU\n"
                + "1899,30.0,SEU\n");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(400);
        assertThat(csv.json().get("detail").asText()).isEqualTo("Problems in 1 of 2 rows; nothing was recorded.");
        assertThat(csv.json().get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo("row 3: period");
            assertThat(error.get("reason").asText()).isEqualTo("'1899' lies outside the years 1900 to 2200");
        });

        Http.Response json = http.as("koordinator").post("/api/indicators/SPR-10/observations",
                Map.of("observations", List.of(Map.of("period", "0001", "value", 1, "sourceRelease", "SEU"))));
        assertThat(json.status()).as(json.toString()).isEqualTo(400);
        assertThat(json.json().at("/errors/0/field").asText()).isEqualTo("observations[0].period");

        Http.Response measure = http.as("koordinator").post("/api/measures", Map.of("recommendationId", recommendation(),
                "title", "Sprachkitas", "targets", List.of(target("SPR-10", "1899", (YEAR + 2) + "-12-31"),
                        target("SPR-10", String.valueOf(YEAR - 3), "+999999999-12-31"))));
        assertThat(measure.status()).as(measure.toString()).isEqualTo(400);
        assertThat(measure.json().at("/errors/0/field").asText()).isEqualTo("targets[1].targetDate");
        assertThat(measure.json().at("/errors/0/reason").asText()).isEqualTo("'+999999999-12-31' lies outside the years 1900 to 2200");

        Http.Response baseline = http.as("koordinator").post("/api/measures", Map.of("recommendationId", recommendation(),
                "title", "Sprachkitas", "targets", List.of(target("SPR-10", "1899", (YEAR + 2) + "-12-31"))));
        assertThat(baseline.status()).as(baseline.toString()).isEqualTo(400);
        assertThat(baseline.json().at("/errors/0/field").asText()).isEqualTo("targets[0].baselinePeriod");
        assertThat(eventsOf("SPR-10")).hasSize(1);
    }

    @Test
    void aRevisionMayAddButNotTakeAwayWhatObservationsUse() {
        assertThat(define("SPR-08").status()).isEqualTo(201);
        assertThat(upload("koordinator", "SPR-08", "", fixture("sprachfoerderbedarf-gut.csv")).status()).isEqualTo(200);
        Map<String, Object> revision = definition("SPR-08");
        revision.remove("code");

        revision.put("breakdowns", Map.of("SEX", List.of("weiblich", "männlich"), "CITY_DISTRICT", List.of("Altstadt")));
        Http.Response refused = http.as("koordinator").post("/api/indicators/SPR-08/revision", revision);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("(CITY_DISTRICT=Neustadt)");

        revision.put("breakdowns", Map.of("SEX", List.of("weiblich", "männlich"),
                "CITY_DISTRICT", List.of("Altstadt", "Neustadt", "Buckau")));
        assertThat(http.as("koordinator").post("/api/indicators/SPR-08/revision", revision).status()).isEqualTo(204);
        assertThat(eventsOf("SPR-08")).extracting(e -> e.payloadType().replaceAll(".*\\.", ""))
                .containsExactly("IndicatorDefined", "ObservationsRecorded", "IndicatorRevised");
        assertThat(http.as("koordinator").post("/api/indicators/NIX-01/revision", revision).status()).isEqualTo(404);
    }

    @Test
    void anUnknownIndicatorAnEmptyFileAndAnotherCharsetAreRefused() {
        assertThat(upload("koordinator", "XYZ-99", "", "period,value,source_release\n2025,1,x\n").status()).isEqualTo(404);
        assertThat(define("SPR-09").status()).isEqualTo(201);

        Http.Response empty = upload("koordinator", "SPR-09", "", "");
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(empty.json().at("/errors/0/field").asText()).isEqualTo("row 1");

        Http.Response latin1 = http.as("koordinator").send("POST", "/api/indicators/SPR-09/observations",
                CSV + "; charset=ISO-8859-1", "period,value,source_release\n2025,1,x\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(latin1.status()).isEqualTo(400);
        assertThat(latin1.json().at("/errors/0/field").asText()).isEqualTo("Content-Type");

        Http.Response badName = upload("koordinator", "SPR-09", "?filename=../etc", "period,value,source_release\n2025,1,x\n");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(eventsOf("SPR-09")).hasSize(1);
    }

    @Test
    void onlyTheCoordinatorRecords() {
        assertThat(http.as("anna.amt50").post("/api/indicators", definition("SPR-04")).status()).isEqualTo(403);
        assertThat(http.as("leser").post("/api/indicators", definition("SPR-04")).status()).isEqualTo(403);
        assertThat(define("SPR-04").status()).isEqualTo(201);
        assertThat(upload("anna.amt50", "SPR-04", "", fixture("sprachfoerderbedarf-gut.csv")).status()).isEqualTo(403);
        Map<String, Object> revision = definition("SPR-04");
        revision.remove("code");
        assertThat(http.as("anna.amt50").post("/api/indicators/SPR-04/revision", revision).status()).isEqualTo(403);
        assertThat(http.as("anna.amt50").post("/api/measures", Map.of("recommendationId", "r", "title", "t",
                "targets", List.of(target("SPR-04", "2020", "2030-12-31")))).status()).isEqualTo(403);
        assertThat(http.as("anna.amt50").post("/api/measures/m-1/evaluation", Map.of()).status()).isEqualTo(403);
        assertThat(http.anonymous().post("/api/indicators", definition("SPR-04")).status()).isEqualTo(401);
        assertThat(eventsOf("SPR-04")).hasSize(1);
    }

    @Test
    void aMeasureIsAdoptedOnlyAfterAnExistingRecommendation() {
        assertThat(define("SPR-05").status()).isEqualTo(201);

        Http.Response refused = http.as("koordinator").post("/api/measures", Map.of("recommendationId", "no-such-recommendation",
                "title", "Sprachkitas", "targets", List.of(target("SPR-05", String.valueOf(YEAR - 3), (YEAR + 2) + "-12-31"))));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("recommendationId");
    }

    @Test
    void anAdoptedMeasureIsEvaluatedWhenObservationsAreRecordedAndEachChangeNamesItsCause() {
        assertThat(define("SPR-06").status()).isEqualTo(201);
        String recommendation = recommendation();

        Http.Response wrongTargets = http.as("koordinator").post("/api/measures", Map.of("recommendationId", recommendation,
                "title", "Sprachkitas", "targets", List.of(target("SPR-06", YEAR - 3 + "-Q1", (YEAR + 2) + "-12-31"),
                        Map.of("indicatorId", "NIX-01", "baseline", 1, "baselinePeriod", "2020", "target", 2,
                                "targetDate", "2030-01-01", "direction", "INCREASE"))));
        assertThat(wrongTargets.status()).as(wrongTargets.toString()).isEqualTo(400);
        assertThat(StreamSupport.stream(wrongTargets.json().get("errors").spliterator(), false).map(e -> e.get("field").asText()))
                .containsExactly("targets[0].baselinePeriod", "targets[1].indicatorId");

        Http.Response adopted = http.as("koordinator").post("/api/measures", Map.of("recommendationId", recommendation,
                "title", "Sprachkitas in allen Stadtteilen",
                "targets", List.of(target("SPR-06", String.valueOf(YEAR - 3), (YEAR + 2) + "-12-31"))));
        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(201);
        String measure = adopted.json().get("id").asText();
        assertThat(adopted.header("Location")).endsWith("/api/monitoring/measures/" + measure);
        assertThat(eventsOf(measure)).extracting(e -> e.payloadType()).singleElement().asString().endsWith(".MeasureAdopted");

        // on the linear path (44 at the end of last year): on track
        assertThat(upload("koordinator", "SPR-06", "", "period,value,source_release\n" + LAST_YEAR + ",45,SEU " + LAST_YEAR + "\n")
                .status()).isEqualTo(200);
        List<RecordRows.Row> measureEvents = eventsOf(measure);
        assertThat(measureEvents).hasSize(2);
        RecordRows.Row onTrack = measureEvents.get(1);
        assertThat(onTrack.payloadType()).endsWith(".MeasureVerdictChanged");
        assertThat(payloadOf(onTrack)).contains("\"verdict\":\"ON_TRACK\"", "\"previous\":\"NOT_MEASURABLE_YET\"",
                LAST_YEAR + " = 45 (source release: SEU " + LAST_YEAR + ")");
        RecordRows.Row recordedEvent = eventsOf("SPR-06").get(1);
        assertThat(metaOf(onTrack).path("causationId").asText(null)).isEqualTo(recordedEvent.eventId());
        assertThat(metaOf(onTrack).path("correlationId").asText(null)).isEqualTo(metaOf(recordedEvent).path("correlationId").asText(null));

        // a corrected release of the same period reaches the target: achieved
        assertThat(upload("koordinator", "SPR-06", "?filename=korrektur.csv",
                "period,value,source_release\n" + LAST_YEAR + ",50.5,SEU " + LAST_YEAR + " korrigiert\n").status()).isEqualTo(200);
        assertThat(eventsOf(measure)).hasSize(3);
        assertThat(payloadOf(eventsOf(measure).get(2))).contains("\"verdict\":\"ACHIEVED\"", "\"previous\":\"ON_TRACK\"");

        // evaluating again changes nothing
        Http.Response evaluated = http.as("koordinator").post("/api/measures/" + measure + "/evaluation", Map.of());
        assertThat(evaluated.status()).as(evaluated.toString()).isEqualTo(200);
        assertThat(evaluated.json().get("verdict").asText()).isEqualTo("ACHIEVED");
        assertThat(evaluated.json().get("label").asText()).isEqualTo("erreicht");
        assertThat(eventsOf(measure)).hasSize(3);
        assertThat(http.as("koordinator").post("/api/measures/no-such-measure/evaluation", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void aMeasureAdoptedWhenObservationsExistIsEvaluatedAtOnce() {
        assertThat(define("SPR-07").status()).isEqualTo(201);
        assertThat(upload("koordinator", "SPR-07", "", "period,value,source_release\n" + LAST_YEAR + ",45,SEU\n").status()).isEqualTo(200);

        Http.Response adopted = http.as("koordinator").post("/api/measures", Map.of("recommendationId", recommendation(),
                "title", "Sprachkitas", "targets", List.of(target("SPR-07", String.valueOf(YEAR - 3), (YEAR + 2) + "-12-31"))));

        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(201);
        List<RecordRows.Row> measureEvents = eventsOf(adopted.json().get("id").asText());
        assertThat(measureEvents).extracting(e -> e.payloadType().replaceAll(".*\\.", ""))
                .containsExactly("MeasureAdopted", "MeasureVerdictChanged");
        assertThat(metaOf(measureEvents.get(1)).path("causationId").asText(null)).isEqualTo(measureEvents.get(0).eventId());
    }

    @Test
    void theApiDocumentDescribesBothWaysToRecordObservations() {
        Http.Response docs = http.anonymous().get("/v3/api-docs");

        JsonNode content = docs.json().at("/paths/~1api~1indicators~1{indicatorId}~1observations/post/requestBody/content");
        assertThat(content.has("text/csv")).as(content.toString()).isTrue();
        assertThat(content.has("application/json")).as(content.toString()).isTrue();
    }

    /** A recommendation as a consensus produces it; the way there (meeting, deliberation) is not this test's subject. */
    static String recommendation() {
        String id = UUID.randomUUID().toString();
        app.getBean(CommandGateway.class).sendAndWait(new FormulateRecommendation(new RecommendationId(id), new DeliberationId("d-1"),
                new MeetingId("m-1"), new AgendaItemId("a-1"), "Sprachkitas in allen Stadtteilen", Set.of(PolicyField.LANGUAGE),
                List.of(), List.of(), "koordinator", Instant.now()));
        return id;
    }
}
