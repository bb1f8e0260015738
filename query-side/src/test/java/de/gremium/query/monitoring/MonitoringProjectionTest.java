package de.gremium.query.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import de.gremium.events.PolicyField;
import de.gremium.query.export.CsvDialect;
import de.gremium.events.monitoring.BreakdownDimension;
import de.gremium.events.monitoring.Direction;
import de.gremium.events.monitoring.FetchIndicatorSeries;
import de.gremium.events.monitoring.FetchPolicyFieldMonitoring;
import de.gremium.events.monitoring.FigureType;
import de.gremium.events.monitoring.Frequency;
import de.gremium.events.monitoring.IndicatorDefined;
import de.gremium.events.monitoring.IndicatorDefinition;
import de.gremium.events.monitoring.IndicatorId;
import de.gremium.events.monitoring.IndicatorRevised;
import de.gremium.events.monitoring.MeasureAdopted;
import de.gremium.events.monitoring.MeasureId;
import de.gremium.events.monitoring.MeasureTarget;
import de.gremium.events.monitoring.MeasureVerdict;
import de.gremium.events.monitoring.MeasureVerdictChanged;
import de.gremium.events.monitoring.Observation;
import de.gremium.events.monitoring.ObservationsRecorded;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.query.ViewStore;
import de.gremium.query.monitoring.IndicatorSeries.BreakdownSeries;
import de.gremium.query.monitoring.PolicyFieldMonitoring.IndicatorOverview;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

/** The monitoring views as a plain object over a real wire-protocol store. */
class MonitoringProjectionTest {

    private static final IndicatorId SPR = new IndicatorId("SPR-01");
    private static final MeasureId MEASURE = new MeasureId("massnahme-1");
    private static final Instant T0 = Instant.parse("2026-02-03T09:00:00Z");
    private static final Map<BreakdownDimension, String> WOMEN = Map.of(BreakdownDimension.SEX, "weiblich");

    private ViewStore store;
    private MonitoringProjection projection;
    private MonitoringQueries queries;

    @BeforeEach
    void setUp() {
        store = ViewStore.open();
        projection = new MonitoringProjection(store.mongo());
        queries = new MonitoringQueries(store.mongo());
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static IndicatorDefinition definition(String title, PolicyField field) {
        return new IndicatorDefinition(title, field, FigureType.KEY_FIGURE, "Teilnehmende mit Abschluss",
                "Teilnehmende", "Integrationskursstatistik BAMF", "eigene Zuwanderung oder die eines Elternteils",
                Map.of(BreakdownDimension.SEX, List.of("weiblich", "männlich")), Frequency.YEARLY, "%");
    }

    private static Observation total(String period, String value) {
        return new Observation(period, Map.of(), new BigDecimal(value), "BAMF " + period);
    }

    private static ObservationsRecorded recorded(String importId, Instant at, Observation... observations) {
        return new ObservationsRecorded(SPR, List.of(observations), importId, "upload.csv", "koordinator", at);
    }

    private IndicatorSeries series() {
        return queries.handle(new FetchIndicatorSeries(SPR)).orElseThrow();
    }

    private IndicatorOverview overview() {
        return queries.handle(new FetchPolicyFieldMonitoring(PolicyField.LANGUAGE)).indicators().get(0);
    }

    @Test
    void theNewestRecordedValueOfAPeriodAndBreakdownWins() {
        projection.on(new IndicatorDefined(SPR, definition("Abschlussquote Integrationskurse", PolicyField.LANGUAGE),
                "koordinator", T0), 0);
        projection.on(recorded("import-1", T0.plusSeconds(60), total("2024", "61.0"), total("2025", "63.5"),
                new Observation("2025", WOMEN, new BigDecimal("66.1"), "BAMF 2025")), 1);
        projection.on(recorded("import-2", T0.plusSeconds(120), total("2025", "64.2")), 2);

        BreakdownSeries totals = series().series().get(0);
        assertThat(totals.label()).isEqualTo("insgesamt");
        assertThat(totals.values()).extracting(PeriodValue::period, PeriodValue::value)
                .containsExactly(tuple("2024", new BigDecimal("61.0")),
                        tuple("2025", new BigDecimal("64.2")));
        PeriodValue corrected = totals.values().get(1);
        assertThat(corrected.earlierValues()).extracting(ObservationView.Recording::value, ObservationView.Recording::importId)
                .containsExactly(tuple(new BigDecimal("63.5"), "import-1"));
        assertThat(totals.values().get(0).earlierValues()).isNull();
        assertThat(series().series().get(1).label()).isEqualTo("Geschlecht: weiblich");
        assertThat(series().series().get(1).values()).extracting(PeriodValue::value).containsExactly(new BigDecimal("66.1"));
        assertThat(overview().latest().value()).isEqualTo(new BigDecimal("64.2"));
    }

    @Test
    void anOlderImportArrivingLateDoesNotOverwriteANewerOne() {
        projection.on(new IndicatorDefined(SPR, definition("Abschlussquote", PolicyField.LANGUAGE), "koordinator", T0), 0);
        projection.on(recorded("import-2", T0.plusSeconds(120), total("2025", "64.2")), 2);
        projection.on(recorded("import-1", T0.plusSeconds(60), total("2025", "63.5")), 1);

        assertThat(overview().latest().value()).isEqualTo(new BigDecimal("64.2"));
    }

    @Test
    void aCellNamedTwiceInOneImportTakesTheLastEntry() {
        projection.on(new IndicatorDefined(SPR, definition("Abschlussquote", PolicyField.LANGUAGE), "koordinator", T0), 0);
        projection.on(recorded("import-1", T0, total("2025", "1"), total("2025", "2")), 1);

        assertThat(overview().latest().value()).isEqualTo(new BigDecimal("2"));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        IndicatorDefined defined = new IndicatorDefined(SPR, definition("Abschlussquote", PolicyField.LANGUAGE),
                "koordinator", T0);
        IndicatorRevised revised = new IndicatorRevised(SPR, definition("Abschlussquote (neu)", PolicyField.LANGUAGE),
                "koordinator", T0.plusSeconds(10));
        ObservationsRecorded first = recorded("import-1", T0.plusSeconds(60), total("2025", "63.5"));
        ObservationsRecorded second = recorded("import-2", T0.plusSeconds(120), total("2025", "64.2"));
        MeasureAdopted adopted = adopted(T0.plusSeconds(200));
        MeasureVerdictChanged changed = new MeasureVerdictChanged(MEASURE, MeasureVerdict.ON_TRACK,
                MeasureVerdict.NOT_MEASURABLE_YET, "SPR-01 2025: 64.2", "koordinator", T0.plusSeconds(300));
        projection.on(defined, 0);
        projection.on(revised, 1);
        projection.on(first, 2);
        projection.on(second, 3);
        projection.on(adopted, 0);
        projection.on(changed, 1);
        IndicatorSeries once = series();
        MeasureDetail measureOnce = queries.handle(new FetchMeasure(MEASURE)).orElseThrow();

        projection.on(defined, 0);
        projection.on(revised, 1);
        projection.on(first, 2);
        projection.on(second, 3);
        projection.on(first, 2);
        projection.on(adopted, 0);
        projection.on(changed, 1);
        assertThat(series()).isEqualTo(once);
        assertThat(queries.handle(new FetchMeasure(MEASURE)).orElseThrow()).isEqualTo(measureOnce);
        assertThat(once.history()).extracting(IndicatorView.DefinitionChange::kind)
                .containsExactly(IndicatorView.ChangeKind.DEFINED, IndicatorView.ChangeKind.REVISED);
        assertThat(once.definition().title()).isEqualTo("Abschlussquote (neu)");
        assertThat(once.series().get(0).values().get(0).earlierValues()).hasSize(1);
        assertThat(measureOnce.verdictHistory()).hasSize(1);
    }

    @Test
    void aResetEmptiesTheViewsForAReplay() {
        projection.on(new IndicatorDefined(SPR, definition("Abschlussquote", PolicyField.LANGUAGE), "koordinator", T0), 0);
        projection.on(recorded("import-1", T0, total("2025", "1")), 1);
        projection.on(adopted(T0), 0);
        projection.reset();

        assertThat(queries.handle(new FetchIndicatorSeries(SPR))).isEmpty();
        assertThat(queries.handle(new FetchMeasure(MEASURE))).isEmpty();
        assertThat(store.mongo().count(new Query(), ObservationView.class))
                .isZero();
        PolicyFieldMonitoring field = queries.handle(new FetchPolicyFieldMonitoring(PolicyField.LANGUAGE));
        assertThat(field.indicators()).isEmpty();
        assertThat(field.measures()).isEmpty();
    }

    @Test
    void theTrendShowsTheLastEightPeriodsInPeriodOrderAndTheDirectionOfTheLastStep() {
        projection.on(new IndicatorDefined(SPR, definition("Abschlussquote", PolicyField.LANGUAGE), "koordinator", T0), 0);
        List<Observation> values = new ArrayList<>();
        for (int year = 2015; year <= 2025; year++) {
            values.add(total(Integer.toString(year), Integer.toString(year - 2000)));
        }
        Collections.reverse(values);
        projection.on(recorded("import-1", T0, values.toArray(Observation[]::new)), 1);

        IndicatorOverview overview = overview();
        assertThat(overview.trend()).extracting(PeriodValue::period)
                .containsExactly("2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025");
        assertThat(overview.latest().period()).isEqualTo("2025");
        assertThat(overview.trendDirection()).isEqualTo(TrendDirection.UP);

        projection.on(recorded("import-2", T0, total("2025", "24")), 2);
        assertThat(overview().trendDirection()).isEqualTo(TrendDirection.FLAT);
        projection.on(recorded("import-3", T0, total("2025", "23.99")), 3);
        assertThat(overview().trendDirection()).isEqualTo(TrendDirection.DOWN);
    }

    @Test
    void aSingleValueHasNoTrendDirectionAndAnIndicatorWithoutValuesNoLatest() {
        projection.on(new IndicatorDefined(SPR, definition("Abschlussquote", PolicyField.LANGUAGE), "koordinator", T0), 0);
        assertThat(overview().latest()).isNull();
        assertThat(overview().trend()).isEmpty();

        projection.on(recorded("import-1", T0, total("2025", "1"),
                new Observation("2024", WOMEN, BigDecimal.ONE, null)), 1);
        assertThat(overview().trend()).extracting(PeriodValue::period).containsExactly("2025");
        assertThat(overview().trendDirection()).isNull();
    }

    @Test
    void periodsOfDifferentFrequenciesSortByTheirStart() {
        List<String> periods = new ArrayList<>(Arrays.asList("2025-07", "2026", "2025-Q3", "2025", "2025-01", "2025-Q1",
                "2024-12", "2025-12", "unbekannt", "2025-Q4", "2025-08"));
        periods.sort(Periods.ORDER);
        assertThat(periods).containsExactly("2024-12", "2025", "2025-Q1", "2025-01", "2025-Q3", "2025-07", "2025-08",
                "2025-Q4", "2025-12", "2026", "unbekannt");
    }

    @Test
    void measuresOfAPolicyFieldCarryTheirCurrentVerdictAndTheirTargetsLatestValues() {
        projection.on(new IndicatorDefined(SPR, definition("Abschlussquote", PolicyField.LANGUAGE), "koordinator", T0), 0);
        projection.on(new IndicatorDefined(new IndicatorId("ARB-01"), definition("Beschäftigungsquote",
                PolicyField.EMPLOYMENT), "koordinator", T0), 0);
        projection.on(recorded("import-1", T0, total("2025", "63.5"), new Observation("2025-Q3", WOMEN,
                new BigDecimal("60"), "BAMF"), new Observation("2025", WOMEN, new BigDecimal("59"), "BAMF")), 1);
        projection.on(adopted(T0.plusSeconds(200)), 0);
        projection.on(new MeasureVerdictChanged(MEASURE, MeasureVerdict.ON_TRACK, MeasureVerdict.NOT_MEASURABLE_YET,
                "SPR-01 2025-Q3 weiblich: 60", "koordinator", T0.plusSeconds(300)), 1);

        PolicyFieldMonitoring language = queries.handle(new FetchPolicyFieldMonitoring(PolicyField.LANGUAGE));
        assertThat(language.label()).isEqualTo("Spracherwerb");
        assertThat(language.measures()).singleElement().satisfies(m -> {
            assertThat(m.verdict()).isEqualTo(MeasureVerdict.ON_TRACK);
            assertThat(m.verdictSince()).isEqualTo(T0.plusSeconds(300));
        });
        assertThat(queries.handle(new FetchPolicyFieldMonitoring(PolicyField.EMPLOYMENT)).measures()).isEmpty();

        MeasureDetail detail = queries.handle(new FetchMeasure(MEASURE)).orElseThrow();
        assertThat(detail.targets()).singleElement().satisfies(t -> {
            assertThat(t.indicatorTitle()).isEqualTo("Abschlussquote");
            assertThat(t.breakdownLabel()).isEqualTo("Geschlecht: weiblich");
            assertThat(t.latest().period()).as("2025-Q3 starts after 2025").isEqualTo("2025-Q3");
            assertThat(t.target()).isEqualTo(new BigDecimal("70"));
        });
    }

    @Test
    void aMeasureIsNotMeasurableYetUntilItsFirstEvaluation() {
        projection.on(adopted(T0), 0);
        MeasureDetail detail = queries.handle(new FetchMeasure(MEASURE)).orElseThrow();
        assertThat(detail.verdict()).isEqualTo(MeasureVerdict.NOT_MEASURABLE_YET);
        assertThat(detail.verdictHistory()).isEmpty();
        assertThat(detail.targets().get(0).indicatorTitle()).as("indicator not projected").isNull();
    }

    @Test
    void theCsvQuotesCommasQuotesAndLineBreaksAndWritesGermanLabels() {
        projection.on(new IndicatorDefined(SPR, definition("Quote \"Deutsch, B1\"\nneu", PolicyField.LANGUAGE),
                "koordinator", T0), 0);
        projection.on(recorded("import-1", T0, total("2024", "61.0"), total("2025", "1234.50"),
                new Observation("2025", WOMEN, new BigDecimal("66.1"), "BAMF, Stand 03/2026")), 1);
        projection.on(adopted(T0), 0);

        String field = MonitoringCsv.policyField(queries.handle(new FetchPolicyFieldMonitoring(PolicyField.LANGUAGE)),
                CsvDialect.COMMA);
        assertThat(field).isEqualTo("Handlungsfeld,Indikator,Titel,Kennzahlart,Einheit,Periode,Wert,Vorperiode,Vorwert,"
                + "Trend,Datenstand,Maßnahmen\r\n"
                + "Spracherwerb,SPR-01,\"Quote \"\"Deutsch, B1\"\"\nneu\",Kennzahl,%,2025,1234.50,2024,61.0,steigend,"
                + "BAMF 2025,Sprachkurse für Mütter (noch nicht messbar)\r\n");

        String series = MonitoringCsv.series(series(), CsvDialect.COMMA);
        assertThat(series.split("\r\n")).containsExactly(
                "Indikator,Titel,Aufschlüsselung,Geschlecht,Altersgruppe,Migrationsstatus,Stadtteil,Periode,Wert,Einheit,"
                        + "Datenstand",
                "SPR-01,\"Quote \"\"Deutsch, B1\"\"\nneu\",insgesamt,,,,,2024,61.0,%,BAMF 2024",
                "SPR-01,\"Quote \"\"Deutsch, B1\"\"\nneu\",insgesamt,,,,,2025,1234.50,%,BAMF 2025",
                "SPR-01,\"Quote \"\"Deutsch, B1\"\"\nneu\",Geschlecht: weiblich,weiblich,,,,2025,66.1,%,"
                        + "\"BAMF, Stand 03/2026\"");
    }

    @Test
    void theCsvNeutralisesEveryTextCellThatASpreadsheetWouldTakeForAFormulaButKeepsNegativeNumbers() {
        projection.on(new IndicatorDefined(SPR, definition("=HYPERLINK(\"http://x.example\",\"klick\")", PolicyField.LANGUAGE),
                "koordinator", T0), 0);
        projection.on(recorded("import-1", T0, total("2024", "-3.5"), total("2025", "-0.25"),
                new Observation("2025", WOMEN, new BigDecimal("-1"), "@SUM(1+1)")), 1);

        String field = MonitoringCsv.policyField(queries.handle(new FetchPolicyFieldMonitoring(PolicyField.LANGUAGE)),
                CsvDialect.COMMA);
        assertThat(field.split("\r\n")[1]).isEqualTo("Spracherwerb,SPR-01,\"'=HYPERLINK(\"\"http://x.example\"\",\"\"klick\"\")\","
                + "Kennzahl,%,2025,-0.25,2024,-3.5,steigend,BAMF 2025,");
        String series = MonitoringCsv.series(series(), CsvDialect.SEMICOLON);
        assertThat(series.split("\r\n")).contains(
                "SPR-01;\"'=HYPERLINK(\"\"http://x.example\"\",\"\"klick\"\")\";Geschlecht: weiblich;weiblich;;;;2025;-1;%;"
                        + "\"'@SUM(1+1)\"",
                "SPR-01;\"'=HYPERLINK(\"\"http://x.example\"\",\"\"klick\"\")\";insgesamt;;;;;2025;-0,25;%;BAMF 2025");
    }

    private static MeasureAdopted adopted(Instant at) {
        return new MeasureAdopted(MEASURE, new RecommendationId("empfehlung-1"), "Sprachkurse für Mütter", List.of(new MeasureTarget(SPR,
                WOMEN, new BigDecimal("55"), "2024", new BigDecimal("70"), LocalDate.of(2027, 12, 31), Direction.INCREASE)),
                "buero.ob", at);
    }
}
