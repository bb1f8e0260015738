package de.gremium.intranet.monitoring;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart as a page shows it: the figure's caption, the SVG, and the table beside it holding exactly the plotted
 * data, made from the same {@link SvgChart} so that the two cannot differ. One row per period (first cell the
 * period, then one column per series), then one row per reference line.
 *
 * @param columns the table's column headings, the first for the row headings
 * @param rows    each row's cells, the first being the row heading ({@code th scope="row"})
 */
public record Diagramm(String id, String caption, String svg, String tableCaption, List<String> columns,
        List<List<String>> rows) {

    public static Diagramm of(SvgChart chart, String caption, String tableCaption) {
        List<SvgChart.Series> series = chart.allSeries();
        List<String> columns = new ArrayList<>();
        columns.add("Zeitraum");
        series.forEach(s -> columns.add(s.name()));
        if (series.isEmpty()) {
            columns.add("Wert");
        }
        List<List<String>> rows = new ArrayList<>();
        for (String period : chart.periods()) {
            List<String> row = new ArrayList<>();
            row.add(period);
            for (SvgChart.Series s : series) {
                row.add(s.points().stream().filter(p -> p.label().equals(period)).findFirst()
                        .map(p -> GermanFormat.number(p.value())).orElse("–"));
            }
            rows.add(row);
        }
        for (SvgChart.ReferenceLine reference : chart.references()) {
            List<String> row = new ArrayList<>();
            row.add(reference.label());
            row.add(GermanFormat.number(reference.value()));
            while (row.size() < columns.size()) {
                row.add("");
            }
            rows.add(row);
        }
        return new Diagramm(chart.id(), caption, chart.render(), tableCaption, List.copyOf(columns), List.copyOf(rows));
    }
}
