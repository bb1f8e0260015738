package de.gremium.intranet.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class MonitoringPagesTest extends PageTestSupport {

    static final String POLICY_FIELD = """
            {"policyField":"LANGUAGE","label":"Spracherwerb","indicators":[
              {"indicatorId":"SPR-1","title":"Teilnehmende an Sprachkursen","figureType":"BASIC_COUNT","unit":"Personen",
               "frequency":"YEARLY",
               "latest":{"period":"2025","value":1325.5,"sourceRelease":"2026-01","recordedAt":"2026-01-10T09:00:00Z"},
               "trend":[{"period":"2023","value":1000.5},{"period":"2024","value":1200},{"period":"2025","value":1325.5}],
               "trendDirection":"UP"},
              {"indicatorId":"SPR-2","title":"Neu definiert","figureType":"KEY_FIGURE","unit":"Prozent","frequency":"YEARLY",
               "trend":[]}],
             "measures":[{"measureId":"M-1","title":"Mehr Kursplätze","recommendationId":"R-1","verdict":"ON_TRACK",
               "verdictSince":"2026-02-01T10:00:00Z","indicatorIds":["SPR-1"]}]}
            """;

    static final String MEASURE = """
            {"measureId":"M-1","recommendationId":"R-1","title":"Mehr Kursplätze","adoptedBy":"kim",
             "adoptedAt":"2025-06-01T10:00:00Z","verdict":"ON_TRACK","verdictSince":"2026-02-01T10:00:00Z",
             "verdictHistory":[{"verdict":"ON_TRACK","previous":"NOT_MEASURABLE_YET","basis":"SPR-1 2025: 1325.5",
               "evaluatedBy":"system","evaluatedAt":"2026-02-01T10:00:00Z"}],
             "targets":[{"indicatorId":"SPR-1","indicatorTitle":"Teilnehmende an Sprachkursen","unit":"Personen",
               "breakdown":{},"breakdownLabel":"insgesamt","baseline":1000.5,"baselinePeriod":"2023","target":1500,
               "targetDate":"2027-12-31","direction":"INCREASE",
               "latest":{"period":"2025","value":1325.5}}],
             "version":4}
            """;

    static final String INDICATOR = """
            {"indicatorId":"SPR-1","definition":{"title":"Teilnehmende an Sprachkursen","policyField":"LANGUAGE",
               "figureType":"BASIC_COUNT","numerator":"Teilnehmende","dataSource":"Volkshochschule",
               "breakdowns":{"SEX":["w","m"]},"frequency":"YEARLY","unit":"Personen"},
             "definedBy":"kim","definedAt":"2025-01-01T10:00:00Z","history":[],
             "series":[
               {"breakdown":{},"label":"insgesamt","values":[{"period":"2023","value":1000.5},{"period":"2024","value":1200},
                 {"period":"2025","value":1325.5}]},
               {"breakdown":{"SEX":"w"},"label":"Geschlecht: w","values":[{"period":"2024","value":700},
                 {"period":"2025","value":780.25}]}],
             "measures":[{"measureId":"M-1","title":"Mehr Kursplätze","verdict":"ON_TRACK","indicatorIds":["SPR-1"]}],
             "version":3}
            """;

    @Test
    void theOverviewLinksEveryPolicyField() throws Exception {
        String html = page("/monitoring");

        assertThat(html).contains("<h1>Integrationsmonitoring</h1>").contains("href=\"/monitoring/LANGUAGE\"")
                .contains("Spracherwerb").contains("href=\"/monitoring/INTERCULTURAL_OPENING\"");
        assertThat(html.split("href=\"/monitoring/[A-Z_]+\"", -1)).hasSize(12 + 1);
    }

    @Test
    void aPolicyFieldShowsItsIndicatorsWithLatestValueTrendAndAChartWhoseTableHoldsTheSameValues() throws Exception {
        API.get("/api/monitoring/policy-fields/LANGUAGE", POLICY_FIELD).get("/api/monitoring/measures/M-1", MEASURE);

        String html = page("/monitoring/LANGUAGE");

        assertThat(html).contains("Spracherwerb</span></h1>").contains("Teilnehmende an Sprachkursen")
                .contains("1.325,5").contains("steigend").contains("noch kein Wert");
        List<Document> charts = svgs(html);
        assertThat(charts).hasSize(1); // the indicator without values gets no chart
        Document chart = charts.get(0);
        assertThat(chart.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Verlauf: Teilnehmende an Sprachkursen");
        assertThat(chart.getElementsByTagName("desc").item(0).getTextContent())
                .contains("letzter Wert 1.325,5 Personen (2025)");
        assertThat(chart.getElementsByTagName("circle").getLength()).isEqualTo(3);
        assertThat(html).contains("<figure class=\"diagramm\" id=\"trend-1\">").contains("<figcaption>");
        assertThat(cells(html, "trend-1-tabelle")).containsExactly("Zeitraum", "Teilnehmende an Sprachkursen",
                "2023", "1.000,5", "2024", "1.200", "2025", "1.325,5");
        // the measure with its baseline, target and verdict
        assertThat(html).contains("href=\"/monitoring/massnahmen/M-1\"").contains("Mehr Kursplätze")
                .contains("1.000,5").contains("1.500").contains("31.12.2027").contains("auf Kurs");
    }

    @Test
    void anIndicatorHasOneChartPerBreakdownEachWithItsTable() throws Exception {
        API.get("/api/monitoring/indicators/SPR-1", INDICATOR);

        String html = page("/monitoring/indikatoren/SPR-1");

        assertThat(html).contains("Teilnehmende an Sprachkursen</span></h1>").contains("Volkshochschule");
        List<Document> charts = svgs(html);
        assertThat(charts).hasSize(2);
        assertThat(charts.get(1).getElementsByTagName("desc").item(0).getTextContent())
                .contains("Geschlecht: w").contains("letzter Wert 780,25 Personen (2025)");
        assertThat(cells(html, "reihe-1-tabelle")).containsExactly("Zeitraum", "insgesamt",
                "2023", "1.000,5", "2024", "1.200", "2025", "1.325,5");
        assertThat(cells(html, "reihe-2-tabelle")).containsExactly("Zeitraum", "Geschlecht: w",
                "2024", "700", "2025", "780,25");
        assertThat(html).contains("href=\"/monitoring/massnahmen/M-1\"");
    }

    @Test
    void aMeasureDrawsItsSeriesAgainstBaselineAndTargetAndSaysItsVerdict() throws Exception {
        API.get("/api/monitoring/measures/M-1", MEASURE).get("/api/monitoring/indicators/SPR-1", INDICATOR);

        String html = page("/monitoring/massnahmen/M-1");

        assertThat(html).contains("Mehr Kursplätze</span></h1>").contains("Bewertung: <strong>auf Kurs</strong>");
        Document chart = svgs(html).get(0);
        String drawn = chart.getDocumentElement().getTextContent();
        assertThat(drawn).contains("Ausgangswert (2023) 1.000,5").contains("Zielwert (bis 31.12.2027) 1.500");
        assertThat(chart.getElementsByTagName("desc").item(0).getTextContent())
                .contains("Ausgangswert 1.000,5, Zielwert 1.500 bis 31.12.2027");
        assertThat(cells(html, "ziel-1-tabelle")).containsExactly("Zeitraum", "Wert",
                "2023", "1.000,5", "2024", "1.200", "2025", "1.325,5",
                "Ausgangswert (2023)", "1.000,5", "Zielwert (bis 31.12.2027)", "1.500");
        assertThat(html).contains("noch nicht messbar"); // the verdict's history
    }

    @Test
    void anUnknownPolicyFieldIsNotFound() throws Exception {
        mvc.perform(get("/monitoring/NOWHERE").with(member())).andExpect(status().isNotFound());
    }

    @Test
    void anUnknownIndicatorShowsTheNotFoundPage() throws Exception {
        String html = mvc.perform(get("/monitoring/indikatoren/NONE").with(member())).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Nicht gefunden");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(member())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
