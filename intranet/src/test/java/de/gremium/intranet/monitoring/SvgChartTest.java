package de.gremium.intranet.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgChartTest {

    private static final List<SvgChart.Point> POINTS = List.of(point("2023", "10.5"), point("2024", "12"),
            point("2025", "13.25"));

    @Test
    void aChartIsWellFormedXmlLabelledByItsTitleAndDescription() {
        Document svg = PageTestSupport.xml(SvgChart.of("c1", "Sprachkurse", "Drei Werte; letzter Wert 13,25", "Anzahl")
                .series("insgesamt", POINTS).render());

        Element root = svg.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("c1-titel c1-beschreibung");
        assertThat(root.hasAttribute("style")).isFalse();
        Element title = (Element) root.getElementsByTagName("title").item(0);
        Element desc = (Element) root.getElementsByTagName("desc").item(0);
        assertThat(title.getAttribute("id")).isEqualTo("c1-titel");
        assertThat(title.getTextContent()).isEqualTo("Sprachkurse");
        assertThat(desc.getAttribute("id")).isEqualTo("c1-beschreibung");
        assertThat(desc.getTextContent()).isEqualTo("Drei Werte; letzter Wert 13,25");
    }

    @Test
    void everyPointGetsAMarkerInTheOrderGivenAndHigherValuesLieHigher() {
        Document svg = PageTestSupport.xml(SvgChart.of("c1", "T", "D", null).series("a", POINTS).render());

        NodeList circles = svg.getElementsByTagName("circle");
        assertThat(circles.getLength()).isEqualTo(3);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < circles.getLength(); i++) {
            xs.add(Double.parseDouble(((Element) circles.item(i)).getAttribute("cx")));
            ys.add(Double.parseDouble(((Element) circles.item(i)).getAttribute("cy")));
        }
        assertThat(xs).isSorted();
        assertThat(ys.get(0)).isGreaterThan(ys.get(1)); // SVG's y grows downwards
        assertThat(ys.get(1)).isGreaterThan(ys.get(2));
        String polyline = ((Element) svg.getElementsByTagName("polyline").item(0)).getAttribute("points");
        assertThat(polyline.split(" ")).hasSize(3);
        assertThat(polyline).startsWith(SvgChart.coordinate(xs.get(0)) + "," + SvgChart.coordinate(ys.get(0)));
    }

    @Test
    void axisLabelsAreGermanNumbersAndThePeriodsAsGiven() {
        String svg = SvgChart.of("c1", "T", "D", "Prozent").series("a", List.of(point("1. Quartal 2025", "0.5"),
                point("2. Quartal 2025", "2.5"))).render();

        assertThat(svg).contains(">0,5<").contains(">2,5<").contains(">1. Quartal 2025<").contains(">Prozent<")
                .doesNotContain(">0.5<");
    }

    @Test
    void seriesDifferByMarkerShapeAndDashAndReferenceLinesAreDashedAndLabelled() {
        Document svg = PageTestSupport.xml(SvgChart.of("c1", "T", "D", null)
                .series("weiblich", POINTS).series("männlich", POINTS)
                .reference("Zielwert", new BigDecimal("20")).render());

        assertThat(svg.getElementsByTagName("circle").getLength()).isEqualTo(3 + 1); // + the legend's sample
        assertThat(svg.getElementsByTagName("rect").getLength()).isEqualTo(3 + 1);
        NodeList polylines = svg.getElementsByTagName("polyline");
        assertThat(((Element) polylines.item(0)).hasAttribute("stroke-dasharray")).isFalse();
        assertThat(((Element) polylines.item(1)).getAttribute("stroke-dasharray")).isNotBlank();
        assertThat(((Element) polylines.item(0)).getAttribute("stroke"))
                .isNotEqualTo(((Element) polylines.item(1)).getAttribute("stroke"));
        String text = svg.getDocumentElement().getTextContent();
        assertThat(text).contains("Zielwert 20").contains("weiblich").contains("männlich");
        NodeList groups = svg.getElementsByTagName("g");
        boolean dashedReference = false;
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if ("bezugslinie".equals(g.getAttribute("class"))) {
                dashedReference = !((Element) g.getElementsByTagName("line").item(0)).getAttribute("stroke-dasharray")
                        .isBlank();
            }
        }
        assertThat(dashedReference).isTrue();
    }

    @Test
    void textIsEscapedSoThatNothingTypedBecomesMarkup() {
        String evil = "<script>alert(1)</script> & \"Zitat\" 'x'";
        String rendered = SvgChart.of("c1", evil, evil, evil).series(evil, POINTS).reference(evil, BigDecimal.ONE)
                .render();

        Document svg = PageTestSupport.xml(rendered);
        assertThat(svg.getElementsByTagName("script").getLength()).isZero();
        assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(evil);
        assertThat(rendered).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void anIdThatCouldBreakOutOfItsAttributeIsRefused() {
        assertThatThrownBy(() -> SvgChart.of("a\" onload=\"x", "T", "D", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTableBesideTheChartHoldsExactlyThePlottedValues() {
        Diagramm chart = Diagramm.of(SvgChart.of("c1", "T", "D", null).series("insgesamt", POINTS)
                .reference("Ausgangswert (2023)", new BigDecimal("10")), "Verlauf", "Werte");

        assertThat(chart.columns()).containsExactly("Zeitraum", "insgesamt");
        assertThat(chart.rows()).containsExactly(List.of("2023", "10,5"), List.of("2024", "12"),
                List.of("2025", "13,25"), List.of("Ausgangswert (2023)", "10"));
    }

    private static SvgChart.Point point(String label, String value) {
        return new SvgChart.Point(label, new BigDecimal(value));
    }
}
