package de.gremium.query.monitoring;

import de.gremium.events.monitoring.BreakdownDimension;
import de.gremium.events.monitoring.IndicatorDefinition;
import de.gremium.events.monitoring.MeasureVerdict;
import de.gremium.query.monitoring.IndicatorSeries.BreakdownSeries;
import de.gremium.query.monitoring.PolicyFieldMonitoring.IndicatorOverview;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The monitoring views as CSV (RFC 4180): a header line with German column names, then one record per
 * row, lines ended by CRLF, UTF-8. A field is quoted when it holds a comma, a double quote, CR or LF, and
 * a double quote inside it is doubled. Numbers are written with a decimal point and without grouping
 * ({@code 1234.5}), as recorded, so that they read back exactly; labels (figure type, trend, verdict,
 * breakdown dimensions) are German. Columns are listed in docs/advisory-council-report.md.
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
    static String policyField(PolicyFieldMonitoring view) {
        StringBuilder out = new StringBuilder();
        line(out, POLICY_FIELD_COLUMNS);
        for (IndicatorOverview i : view.indicators()) {
            PeriodValue previous = i.trend().size() >= 2 ? i.trend().get(i.trend().size() - 2) : null;
            String measures = view.measures().stream().filter(m -> m.indicatorIds().contains(i.indicatorId()))
                    .map(m -> m.title() + " (" + verdict(m.verdict()) + ")").collect(Collectors.joining("; "));
            line(out, List.of(view.label(), i.indicatorId(), text(i.title()),
                    i.figureType() == null ? "" : i.figureType().germanLabel(), text(i.unit()),
                    i.latest() == null ? "" : i.latest().period(), i.latest() == null ? "" : number(i.latest().value()),
                    previous == null ? "" : previous.period(), previous == null ? "" : number(previous.value()),
                    i.trendDirection() == null ? "" : i.trendDirection().germanLabel(),
                    i.latest() == null ? "" : text(i.latest().sourceRelease()), measures));
        }
        return out.toString();
    }

    /** One row per value: the total's first, then each breakdown's, each in period order. */
    static String series(IndicatorSeries view) {
        StringBuilder out = new StringBuilder();
        line(out, SERIES_COLUMNS);
        IndicatorDefinition d = view.definition();
        for (BreakdownSeries s : view.series()) {
            for (PeriodValue v : s.values()) {
                List<String> row = new ArrayList<>(List.of(view.indicatorId(), text(d.title()), s.label()));
                for (BreakdownDimension dimension : BreakdownDimension.values()) {
                    row.add(text(s.breakdown().get(dimension)));
                }
                row.addAll(List.of(v.period(), number(v.value()), text(d.unit()), text(v.sourceRelease())));
                line(out, row);
            }
        }
        return out.toString();
    }

    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static void line(StringBuilder out, List<String> fields) {
        out.append(fields.stream().map(MonitoringCsv::field).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String verdict(MeasureVerdict verdict) {
        return verdict == null ? "" : verdict.germanLabel();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** Keeps a file name to letters, digits, dot, dash and underscore. */
    static String fileName(String stem) {
        return stem.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
    }
}
