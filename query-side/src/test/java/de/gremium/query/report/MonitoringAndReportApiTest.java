package de.gremium.query.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.gremium.events.PolicyField;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.group.MemberId;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.meeting.MeetingScheduled;
import de.gremium.events.monitoring.BreakdownDimension;
import de.gremium.events.monitoring.Direction;
import de.gremium.events.monitoring.FigureType;
import de.gremium.events.monitoring.Frequency;
import de.gremium.events.monitoring.IndicatorDefined;
import de.gremium.events.monitoring.IndicatorDefinition;
import de.gremium.events.monitoring.IndicatorId;
import de.gremium.events.monitoring.MeasureAdopted;
import de.gremium.events.monitoring.MeasureId;
import de.gremium.events.monitoring.MeasureTarget;
import de.gremium.events.monitoring.MeasureVerdict;
import de.gremium.events.monitoring.MeasureVerdictChanged;
import de.gremium.events.monitoring.Observation;
import de.gremium.events.monitoring.ObservationsRecorded;
import de.gremium.events.problem.ProblemReportClosed;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.events.problem.ResolutionOutcome;
import de.gremium.events.recommendation.RecommendationFormulated;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.QuerySideApplication;
import de.gremium.query.monitoring.MonitoringProjection;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The query side started on its own, with events of 2025 and 2026 appended to the store in time order:
 * the monitoring endpoints answer from the "monitoring" projection, the report endpoint from the store.
 */
class MonitoringAndReportApiTest {

    private static final String REPORT = "/api/reports/advisory-council?from=2026-01-01&to=2026-12-31";
    private static final IndicatorId SPR = new IndicatorId("SPR-01");
    private static final MeasureId MEASURE = new MeasureId("massnahme-1");
    private static ConfigurableApplicationContext context;
    private static Http http;

    @BeforeAll
    static void start() {
        context = QuerySideApplication.start(TestStore.fresh().toArray(String[]::new));
        http = Http.on(Ports.of(context));
        List<GenericDomainEventMessage<?>> events = new ArrayList<>();
        MeetingId meeting = new MeetingId("regular-2026-Q1");
        events.add(event("Meeting", meeting.value(), 0, "2026-01-05T09:00:00Z", at -> new MeetingPlanned(meeting, 2026, 1,
                MeetingKind.REGULAR, "Sitzung Q1/2026", 60, "koordinator", at)));
        events.add(event("Meeting", meeting.value(), 1, "2026-01-06T09:00:00Z", at -> new MeetingScheduled(meeting,
                Instant.parse("2026-03-11T12:00:00Z"), Instant.parse("2026-03-11T13:00:00Z"), "Altes Rathaus", "koordinator",
                at)));
        events.add(event("Meeting", meeting.value(), 2, "2026-03-11T14:00:00Z", at -> new MeetingHeld(meeting,
                List.of(new MemberId("anna.amt50"), new MemberId("jonas.fb32")), List.of(), "", List.of(), "koordinator", at)));
        events.add(event("Recommendation", "empfehlung-1", 0, "2026-03-11T14:30:00Z", at -> new RecommendationFormulated(
                new RecommendationId("empfehlung-1"), new DeliberationId("d-1"), meeting, new AgendaItemId("top-1"),
                "Sprachkurse mit <Kinderbetreuung> anbieten", Set.of(PolicyField.LANGUAGE), List.of(), List.of(), "koordinator",
                at)));
        ProblemReportId report = new ProblemReportId("meldung-1");
        events.add(event("ProblemReport", report.value(), 0, "2025-12-15T10:00:00Z", at -> new ProblemReportSubmitted(report,
                "Kurse ausgebucht", "", "Amt 50", Set.of(PolicyField.LANGUAGE), "anna.amt50", at)));
        events.add(event("ProblemReport", report.value(), 1, "2026-02-01T10:00:00Z", at -> new ProblemReportClosed(report,
                ResolutionOutcome.SOLVED, "neue Kurse", "koordinator", at)));
        events.add(event("Indicator", SPR.value(), 0, "2026-01-10T10:00:00Z", at -> new IndicatorDefined(SPR,
                new IndicatorDefinition("Abschlussquote Integrationskurse", PolicyField.LANGUAGE, FigureType.KEY_FIGURE,
                        "Teilnehmende mit B1", "Teilnehmende", "BAMF", "eigene Zuwanderung",
                        Map.of(BreakdownDimension.SEX, List.of("weiblich", "männlich")), Frequency.YEARLY, "%"),
                "koordinator", at)));
        events.add(event("Indicator", SPR.value(), 1, "2026-02-01T10:00:00Z", at -> new ObservationsRecorded(SPR, List.of(
                new Observation("2024", Map.of(), new BigDecimal("61.0"), "BAMF 2024"),
                new Observation("2025", Map.of(), new BigDecimal("63.5"), "BAMF 2025 vorläufig"),
                new Observation("2025", Map.of(BreakdownDimension.SEX, "weiblich"), new BigDecimal("66.1"), "BAMF 2025")),
                "import-1", "bamf.csv", "koordinator", at)));
        events.add(event("Indicator", SPR.value(), 2, "2026-03-01T10:00:00Z", at -> new ObservationsRecorded(SPR, List.of(
                new Observation("2025", Map.of(), new BigDecimal("64.2"), "BAMF 2025, endgültig")), "import-2", "bamf.csv",
                "koordinator", at)));
        events.add(event("Measure", MEASURE.value(), 0, "2026-04-01T10:00:00Z", at -> new MeasureAdopted(MEASURE,
                new RecommendationId("empfehlung-1"), "Sprachkurse für Mütter", List.of(new MeasureTarget(SPR, Map.of(), new BigDecimal("61.0"),
                        "2024", new BigDecimal("70"), LocalDate.of(2028, 12, 31), Direction.INCREASE)), "buero.ob", at)));
        events.add(event("Measure", MEASURE.value(), 1, "2026-04-02T10:00:00Z", at -> new MeasureVerdictChanged(MEASURE,
                MeasureVerdict.ON_TRACK, MeasureVerdict.NOT_MEASURABLE_YET, "SPR-01 2025: 64.2", "koordinator", at)));
        // in time order, as the command side appends them
        events.sort(Comparator.comparing(GenericDomainEventMessage::getTimestamp));
        EventStore store = context.getBean(EventStore.class);
        events.forEach(store::publish);
    }

    private static GenericDomainEventMessage<?> event(String type, String aggregate, long sequence, String timestamp,
            Function<Instant, Object> payload) {
        Instant at = Instant.parse(timestamp);
        return new GenericDomainEventMessage<>(type, aggregate, sequence, payload.apply(at), MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static JsonNode awaitPolicyField() {
        return await().atMost(Duration.ofSeconds(10)).until(() -> http.as("leser").get("/api/monitoring/policy-fields/LANGUAGE"),
                r -> r.status() == 200 && r.body().contains("64.2") && r.body().contains("ON_TRACK")).json();
    }

    @Test
    void theMonitoringRunsInItsOwnProcessingGroup() {
        assertThat(context.getBean(EventProcessingConfiguration.class).eventProcessor(MonitoringProjection.GROUP)).isPresent();
    }

    @Test
    void aPolicyFieldShowsItsIndicatorsLatestTotalTrendAndMeasures() {
        JsonNode field = awaitPolicyField();
        assertThat(field.at("/label").asText()).isEqualTo("Spracherwerb");
        assertThat(field.at("/indicators/0/indicatorId").asText()).isEqualTo("SPR-01");
        assertThat(field.at("/indicators/0/latest/period").asText()).isEqualTo("2025");
        assertThat(field.at("/indicators/0/latest/value").decimalValue()).isEqualByComparingTo("64.2");
        assertThat(field.at("/indicators/0/trend/0/period").asText()).isEqualTo("2024");
        assertThat(field.at("/indicators/0/trendDirection").asText()).isEqualTo("UP");
        assertThat(field.at("/measures/0/title").asText()).isEqualTo("Sprachkurse für Mütter");
        assertThat(field.at("/measures/0/verdict").asText()).isEqualTo("ON_TRACK");
        assertThat(http.as("leser").get("/api/monitoring/policy-fields/SPORT").json().at("/indicators").size()).isZero();
        assertThat(http.as("leser").get("/api/monitoring/policy-fields/UNKNOWN").status()).isEqualTo(400);
        assertThat(http.as("leser").get("/api/monitoring/policy-fields/LANGUAGE?format=xml").status()).isEqualTo(400);
    }

    @Test
    void thePolicyFieldAndTheIndicatorComeAsCsvByParameterOrByAccept() {
        awaitPolicyField();
        Http.Response byParameter = http.as("anna.amt50").get("/api/monitoring/policy-fields/LANGUAGE?format=csv");
        assertThat(byParameter.status()).isEqualTo(200);
        assertThat(byParameter.header("Content-Type")).startsWith("text/csv;").containsIgnoringCase("charset=UTF-8")
                .contains("header=present");
        assertThat(byParameter.header("Content-Disposition")).contains("monitoring-LANGUAGE.csv");
        assertThat(byParameter.body()).startsWith("Handlungsfeld,Indikator,Titel,Kennzahlart,Einheit,Periode,Wert,")
                .contains("\r\nSpracherwerb,SPR-01,Abschlussquote Integrationskurse,Kennzahl,%,2025,64.2,2024,61.0,steigend,"
                        + "\"BAMF 2025, endgültig\",Sprachkurse für Mütter (auf Kurs)\r\n");

        Http.Response byAccept = http.as("leser").header("Accept", "text/csv").get("/api/monitoring/indicators/SPR-01");
        assertThat(byAccept.status()).isEqualTo(200);
        assertThat(byAccept.header("Content-Type")).startsWith("text/csv");
        assertThat(http.as("leser").header("Accept", "*/*").get("/api/monitoring/indicators/SPR-01").header("Content-Type"))
                .as("JSON wins a tie").startsWith("application/json");
        assertThat(byAccept.body().split("\r\n")).hasSize(4)
                .contains("SPR-01,Abschlussquote Integrationskurse,Geschlecht: weiblich,weiblich,,,,2025,66.1,%,BAMF 2025");

        JsonNode series = http.as("leser").get("/api/monitoring/indicators/SPR-01").json();
        assertThat(series.at("/series/0/label").asText()).isEqualTo("insgesamt");
        assertThat(series.at("/series/0/values/1/earlierValues/0/value").decimalValue()).isEqualByComparingTo("63.5");
        assertThat(series.at("/definition/breakdowns/SEX/0").asText()).isEqualTo("weiblich");
        assertThat(http.as("leser").get("/api/monitoring/indicators/XYZ-99").status()).isEqualTo(404);
        assertThat(http.as("leser").get("/api/monitoring/indicators/XYZ-99?format=csv").status()).isEqualTo(404);
        assertThat(http.as("leser").header("Accept", "text/csv").get("/api/monitoring/indicators/XYZ-99").status())
                .isEqualTo(404);
    }

    @Test
    void aMeasureShowsItsVerdictHistoryAndItsTargetsLatestValue() {
        awaitPolicyField();
        Http.Response measure = http.as("buero.ob").get("/api/monitoring/measures/massnahme-1");
        assertThat(measure.status()).isEqualTo(200);
        assertThat(measure.header("ETag")).isEqualTo("\"1\"");
        assertThat(measure.json().at("/verdictHistory/0/previous").asText()).isEqualTo("NOT_MEASURABLE_YET");
        assertThat(measure.json().at("/targets/0/latest/value").decimalValue()).isEqualByComparingTo("64.2");
        assertThat(http.as("leser").get("/api/monitoring/measures/unknown").status()).isEqualTo(404);
    }

    @Test
    void theReportCountsThePeriodsEventsAsJson() {
        JsonNode report = http.as("leser").get(REPORT).json();
        assertThat(report.at("/summary/meetingsHeld").asInt()).isEqualTo(1);
        assertThat(report.at("/summary/recommendationsFormulated").asInt()).isEqualTo(1);
        assertThat(report.at("/summary/problemReportsSubmitted").asInt()).as("submitted in 2025").isZero();
        assertThat(report.at("/summary/problemReportsClosed").asInt()).isEqualTo(1);
        assertThat(report.at("/problemReports/byUnit/0/closed/0/title").asText()).isEqualTo("Kurse ausgebucht");
        assertThat(report.at("/meetings/held/0/date").asText()).isEqualTo("2026-03-11");
        assertThat(report.at("/meetings/held/0/attendees").asInt()).isEqualTo(2);
        assertThat(report.at("/monitoring/verdictChanges/0/title").asText()).isEqualTo("Sprachkurse für Mütter");
        assertThat(http.as("leser").get("/api/reports/advisory-council?from=2025-01-01&to=2025-12-31").json()
                .at("/summary/problemReportsSubmitted").asInt()).isEqualTo(1);
    }

    @Test
    void theReportComesAsGermanMarkdownAndAsEscapedHtml() {
        Http.Response markdown = http.as("leser").get(REPORT + "&format=markdown");
        assertThat(markdown.status()).isEqualTo(200);
        assertThat(markdown.header("Content-Type")).isEqualToIgnoringCase("text/markdown;charset=UTF-8");
        assertThat(markdown.body()).startsWith("# Tätigkeitsbericht der Projektgruppe Integration für den Beirat, "
                + "01.01.2026–31.12.2026\n").contains("- 11.03.2026 – Sitzung Q1/2026 (reguläre Sitzung): 2 Mitglieder,");

        Http.Response html = http.as("koordinator").get(REPORT + "&format=html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.header("Content-Type")).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertThat(html.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(html.body()).contains("Sprachkurse mit &lt;Kinderbetreuung&gt; anbieten").doesNotContain("<Kinderbetreuung>");

        Http.Response browser = http.as("leser").header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").get(REPORT);
        assertThat(browser.header("Content-Type")).startsWith("text/html");
        assertThat(http.as("leser").header("Accept", "text/markdown").get(REPORT).header("Content-Type"))
                .startsWith("text/markdown");
    }

    @Test
    void aReportPeriodMustBeInOrderAndAtMostFiveYears() {
        Http.Response reversed = http.as("leser").get("/api/reports/advisory-council?from=2026-12-31&to=2026-01-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().at("/errors/0/field").asText()).isEqualTo("to");
        assertThat(http.as("leser").get("/api/reports/advisory-council?from=2020-01-01&to=2025-01-01").status())
                .isEqualTo(400);
        assertThat(http.as("leser").get("/api/reports/advisory-council?from=2020-01-01&to=2024-12-31").status())
                .isEqualTo(200);
        assertThat(http.as("leser").get("/api/reports/advisory-council?from=2026-12-31&to=2026-01-01&format=html").status())
                .isEqualTo(400);
        assertThat(http.as("leser").get("/api/reports/advisory-council?from=1.1.2026&to=2026-12-31").status())
                .isEqualTo(400);
        assertThat(http.as("leser").get("/api/reports/advisory-council?to=2026-12-31").status()).isEqualTo(400);
        Http.Response farOut = http.as("leser").get("/api/reports/advisory-council?from=%2B999999999-12-31&to=%2B999999999-12-31");
        assertThat(farOut.status()).as(farOut.toString()).isEqualTo(400);
        assertThat(farOut.json().at("/errors/0/field").asText()).isEqualTo("from");
        assertThat(farOut.json().at("/errors/0/reason").asText()).contains("outside the years 1900 to 2200");
        assertThat(http.as("leser").get("/api/reports/advisory-council?from=2026-01-01&to=-999999999-01-01").json()
                .at("/errors/0/field").asText()).isEqualTo("to");
        assertThat(http.as("leser").get(REPORT + "&format=pdf").status()).isEqualTo(400);
    }

    @Test
    void everyEndpointNeedsSignIn() {
        for (String path : List.of("/api/monitoring/policy-fields/LANGUAGE", "/api/monitoring/policy-fields/LANGUAGE?format=csv",
                "/api/monitoring/indicators/SPR-01", "/api/monitoring/measures/massnahme-1", REPORT,
                REPORT + "&format=markdown", REPORT + "&format=html")) {
            Http.Response anonymous = http.anonymous().get(path);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.header("WWW-Authenticate")).as(path).startsWith("Basic");
        }
    }
}
