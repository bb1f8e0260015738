package de.gremium.query.monitoring;

import de.gremium.events.monitoring.BreakdownDimension;
import de.gremium.events.monitoring.IndicatorDefinition;
import de.gremium.events.monitoring.MeasureVerdict;
import de.gremium.query.export.CsvDialect;
import de.gremium.query.monitoring.IndicatorSeries.BreakdownSeries;
import de.gremium.query.monitoring.PolicyFieldMonitoring.IndicatorOverview;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The monitoring views as CSV, written by {@link CsvDialect} (RFC 4180, CRLF, UTF-8; formulas neutralised): a
 * header line with German column names, then one record per row. Values are typed numbers, written as recorded
 * with a decimal point ({@code 1234.5}; a decimal comma in the semicolon variant), so that they read back exactly;
 * labels (figure type, trend, verdict, breakdown dimensions) are German. Columns are listed in
 * docs/advisory-council-report.md.
 */
final class MonitoringCsv {

    static final List<String> POLICY_FIELD_COLUMNS = List.of("Handlungsfeld", "Indikator", "Titel", "Kennzahlart",
            "Einheit", "Periode", "Wert", "Vorperiode", "Vorwert", "Trend", "Datenstand", "Maßnahmen");

    static final List<String> SERIES_COLUMNS = Stream.concat(
            Stream.of("Indikator", "Titel", "Aufschlüsselung"),
            Stream.concat(Arrays.stream(BreakdownDimension.values()).map(BreakdownDimension::germanLabel),
                    Stream.of("Periode", "Wert", "Einheit", "Datenstand"))).toList();

    private MonitoringCsv() {
    }

    /** One row per indicator: its latest total, the one before, the trend, and the measures on it. */
    static String policyField(PolicyFieldMonitoring view, CsvDialect csv) {
        StringBuilder out = new StringBuilder();
        csv.record(out, POLICY_FIELD_COLUMNS);
        for (IndicatorOverview i : view.indicators()) {
            PeriodValue previous = i.trend().size() >= 2 ? i.trend().get(i.trend().size() - 2) : null;
            String measures = view.measures().stream().filter(m -> m.indicatorIds().contains(i.indicatorId()))
                    .map(m -> m.title() + " (" + verdict(m.verdict()) + ")").collect(Collectors.joining("; "));
            csv.record(out, Arrays.asList(view.label(), i.indicatorId(), i.title(),
                    i.figureType() == null ? null : i.figureType().germanLabel(), i.unit(),
                    i.latest() == null ? null : i.latest().period(), i.latest() == null ? null : i.latest().value(),
                    previous == null ? null : previous.period(), previous == null ? null : previous.value(),
                    i.trendDirection() == null ? null : i.trendDirection().germanLabel(),
                    i.latest() == null ? null : i.latest().sourceRelease(), measures));
        }
        return out.toString();
    }

    /** One row per value: the total's first, then each breakdown's, each in period order. */
    static String series(IndicatorSeries view, CsvDialect csv) {
        StringBuilder out = new StringBuilder();
        csv.record(out, SERIES_COLUMNS);
        IndicatorDefinition d = view.definition();
        for (BreakdownSeries s : view.series()) {
            for (PeriodValue v : s.values()) {
                List<Object> row = new ArrayList<>(Arrays.asList(view.indicatorId(), d.title(), s.label()));
                for (BreakdownDimension dimension : BreakdownDimension.values()) {
                    row.add(s.breakdown().get(dimension));
                }
                row.addAll(Arrays.asList(v.period(), v.value(), d.unit(), v.sourceRelease()));
                csv.record(out, row);
            }
        }
        return out.toString();
    }

    private static String verdict(MeasureVerdict verdict) {
        return verdict == null ? "" : verdict.germanLabel();
    }
}
