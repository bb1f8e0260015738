package de.gremium.intranet.monitoring;

import de.gremium.intranet.api.Apis;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The integration monitoring: the policy fields, one field's indicators (latest value, trend and its chart) and
 * measures (baseline, target, verdict), one indicator's series with a chart per breakdown, and one measure's series
 * against its baseline and target. Charts are {@link SvgChart}s with a table of the same data ({@link Diagramm}).
 */
@Controller
class MonitoringPages {

    /** The policy fields of the API ({@code PolicyField}), in the framework concept's order. */
    static final List<String> POLICY_FIELDS = List.of("OPENNESS", "LANGUAGE", "EMPLOYMENT", "NEIGHBOURHOODS",
            "CHILDREN_YOUTH", "WOMEN_GIRLS", "SOCIAL_CARE", "HEALTH", "CULTURE", "SPORT", "PARTICIPATION",
            "INTERCULTURAL_OPENING");

    private final Apis apis;

    MonitoringPages(Apis apis) {
        this.apis = apis;
    }

    @GetMapping("/monitoring")
    String policyFields(Model model) {
        model.addAttribute("felder", POLICY_FIELDS);
        return "monitoring/handlungsfelder";
    }

    @GetMapping("/monitoring/{politikfeld}")
    String policyField(@PathVariable String politikfeld, Model model) {
        if (!POLICY_FIELDS.contains(politikfeld)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Map<String, Object> view = apis.view("/api/monitoring/policy-fields/{policyField}", politikfeld);
        List<IndicatorCard> cards = new ArrayList<>();
        int n = 0;
        for (Map<String, Object> indicator : Json.maps(view.get("indicators"))) {
            String title = Json.text(indicator.get("title"));
            String unit = Json.text(indicator.get("unit"));
            Map<String, Object> latest = Json.map(indicator.get("latest"));
            List<SvgChart.Point> trend = points(Json.maps(indicator.get("trend")));
            Diagramm chart = trend.isEmpty() ? null : Diagramm.of(
                    SvgChart.of("trend-" + (++n), "Verlauf: " + title, description(title, unit, trend), unit)
                            .series(title, trend),
                    "Verlauf der letzten Zeiträume: " + title, "Werte im Diagramm: " + title);
            cards.add(new IndicatorCard(Json.text(indicator.get("indicatorId")), title, unit,
                    Json.text(indicator.get("figureType")), Json.text(latest.get("period")), latest.get("value"),
                    Json.text(indicator.get("trendDirection")), chart));
        }
        List<MeasureLine> measures = Json.maps(view.get("measures")).stream()
                .map(m -> measureLine(m, apis.optionalView("/api/monitoring/measures/{measureId}",
                        Json.text(m.get("measureId"))).orElse(Map.of())))
                .toList();
        model.addAttribute("feld", politikfeld);
        model.addAttribute("indikatoren", cards);
        model.addAttribute("massnahmen", measures);
        return "monitoring/handlungsfeld";
    }

    @GetMapping("/monitoring/indikatoren/{id}")
    String indicator(@PathVariable String id, Model model) {
        Map<String, Object> view = apis.view("/api/monitoring/indicators/{indicatorId}", id);
        Map<String, Object> definition = Json.map(view.get("definition"));
        String title = Json.text(definition.get("title"));
        String unit = Json.text(definition.get("unit"));
        List<Diagramm> charts = new ArrayList<>();
        int n = 0;
        for (Map<String, Object> series : Json.maps(view.get("series"))) {
            String label = Json.text(series.get("label"));
            List<SvgChart.Point> points = points(Json.maps(series.get("values")));
            if (points.isEmpty()) {
                continue;
            }
            String name = title + " – " + label;
            charts.add(Diagramm.of(SvgChart.of("reihe-" + (++n), name, description(name, unit, points), unit)
                    .series(label, points), "Zeitreihe " + label, "Werte im Diagramm: " + label));
        }
        model.addAttribute("indikator", view);
        model.addAttribute("definition", definition);
        model.addAttribute("diagramme", charts);
        return "monitoring/indikator";
    }

    @GetMapping("/monitoring/massnahmen/{id}")
    String measure(@PathVariable String id, Model model) {
        Map<String, Object> measure = apis.view("/api/monitoring/measures/{measureId}", id);
        Map<String, Map<String, Object>> indicators = new HashMap<>();
        List<TargetChart> targets = new ArrayList<>();
        int n = 0;
        for (Map<String, Object> target : Json.maps(measure.get("targets"))) {
            String indicatorId = Json.text(target.get("indicatorId"));
            Map<String, Object> indicator = indicators.computeIfAbsent(indicatorId, i ->
                    apis.optionalView("/api/monitoring/indicators/{indicatorId}", i).orElse(Map.of()));
            List<SvgChart.Point> points = points(seriesOf(indicator, Json.map(target.get("breakdown"))));
            String title = Json.text(target.get("indicatorTitle")) + " – " + Json.text(target.get("breakdownLabel"));
            String unit = Json.text(target.get("unit"));
            BigDecimal baseline = GermanFormat.decimal(target.get("baseline"));
            BigDecimal goal = GermanFormat.decimal(target.get("target"));
            String baselineLabel = "Ausgangswert (" + GermanFormat.period(target.get("baselinePeriod")) + ")";
            String goalLabel = "Zielwert (bis " + GermanFormat.day(target.get("targetDate")) + ")";
            String description = description(title, unit, points) + " Ausgangswert "
                    + GermanFormat.number(baseline) + ", Zielwert " + GermanFormat.number(goal) + " bis "
                    + GermanFormat.day(target.get("targetDate")) + ".";
            SvgChart chart = SvgChart.of("ziel-" + (++n), title + ": Werte, Ausgangs- und Zielwert", description, unit)
                    .series("Wert", points).reference(baselineLabel, baseline).reference(goalLabel, goal);
            targets.add(new TargetChart(target, Diagramm.of(chart, "Verlauf gegen Ausgangs- und Zielwert: " + title,
                    "Werte im Diagramm: " + title)));
        }
        model.addAttribute("massnahme", measure);
        model.addAttribute("ziele", targets);
        return "monitoring/massnahme";
    }

    /** The indicator's series in the target's breakdown (empty or absent: the total). */
    static List<Map<String, Object>> seriesOf(Map<String, Object> indicator, Map<String, Object> breakdown) {
        return Json.maps(indicator.get("series")).stream()
                .filter(s -> Objects.equals(Json.map(s.get("breakdown")), breakdown))
                .findFirst().map(s -> Json.maps(s.get("values"))).orElse(List.of());
    }

    /** Period values as chart points, periods in German; values that are no number are left out. */
    static List<SvgChart.Point> points(List<Map<String, Object>> values) {
        List<SvgChart.Point> points = new ArrayList<>();
        for (Map<String, Object> value : values) {
            BigDecimal number = GermanFormat.decimal(value.get("value"));
            if (number != null && value.get("period") != null) {
                points.add(new SvgChart.Point(GermanFormat.period(value.get("period")), number));
            }
        }
        return points;
    }

    static String description(String title, String unit, List<SvgChart.Point> points) {
        if (points.isEmpty()) {
            return title + ": noch keine Werte.";
        }
        SvgChart.Point last = points.get(points.size() - 1);
        String inUnit = unit == null || unit.isBlank() ? "" : " " + unit;
        return "Liniendiagramm " + title + ", " + points.size() + (points.size() == 1 ? " Wert" : " Werte") + " von "
                + points.get(0).label() + " bis " + last.label() + "; letzter Wert " + GermanFormat.number(last.value())
                + inUnit + " (" + last.label() + ").";
    }

    private static MeasureLine measureLine(Map<String, Object> summary, Map<String, Object> detail) {
        return new MeasureLine(Json.text(summary.get("measureId")), Json.text(summary.get("title")),
                Json.text(summary.get("verdict")), Json.maps(detail.get("targets")));
    }

    /** An indicator of a policy field; {@code chart} is absent while it has no values. */
    record IndicatorCard(String id, String title, String unit, String figureType, String latestPeriod,
            Object latestValue, String trendDirection, Diagramm chart) {
    }

    /** A measure of a policy field with its targets (baseline, target, target date) as the measure's view has them. */
    record MeasureLine(String id, String title, String verdict, List<Map<String, Object>> targets) {
    }

    /** A target of a measure and its chart. */
    record TargetChart(Map<String, Object> target, Diagramm chart) {
    }
}
