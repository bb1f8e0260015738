package de.gremium.launcher.intranet;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.platform.testing.Http;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The monitoring area in a real browser: an indicator the coordinator defined and filled through the API appears on
 * its policy field's page and its own page with server-drawn charts and tables of the same values; the network, the
 * report (with a refused day), the search and the audit read. Every page visited passes axe at both widths.
 */
class MonitoringBrowserTest extends BrowserTest {

    private static final String COORDINATOR = "koordinator";

    @BeforeAll
    void anIndicatorWithValuesAndTheCoordinatorSignedIn() {
        Http.Call coordinator = system.command.as(COORDINATOR);
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
        Http.Response defined = coordinator.post("/api/indicators", indicator);
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        String values = "period,sex,value,source_release\n2024,,37.5,BAMF 2024\n2025,,40,BAMF 2025\n"
                + "2025,weiblich,38,BAMF 2025\n2026,,55.25,BAMF 2026\n2026,weiblich,51,BAMF 2026\n";
        Http.Response recorded = coordinator.send("POST", "/api/indicators/SPR-01/observations", "text/csv",
                values.getBytes(StandardCharsets.UTF_8));
        assertThat(recorded.status()).as(recorded.toString()).isBetween(200, 204);
        signIn(COORDINATOR);
    }

    @Test
    void anIndicatorsChartsShowTheRecordedValuesWithTablesOfTheSameValues() {
        open("/monitoring").check("monitoring-handlungsfelder");
        assertThat(browser.h1()).isEqualTo("Integrationsmonitoring");
        browser.find(By.linkText("Spracherwerb")).click();

        browser.waitUntil("the indicator's trend on the policy field's page", () -> {
            open("/monitoring/LANGUAGE");
            return !browser.findAll(By.cssSelector("figure.diagramm svg")).isEmpty();
        });
        assertThat(browser.h1()).contains("Spracherwerb");
        assertThat(browser.find(By.cssSelector("main")).getText()).contains("55,25").contains("steigend");
        assertChartMatchesItsTable("trend-1");
        browser.check("monitoring-handlungsfeld");

        browser.find(By.linkText("Teilnahmequote an Sprachkursen")).click();
        browser.waitUntil("the indicator's page", () -> browser.path().equals("/monitoring/indikatoren/SPR-01"));
        assertThat(browser.findAll(By.cssSelector("figure.diagramm svg"))).hasSize(2);
        assertChartMatchesItsTable("reihe-1");
        assertChartMatchesItsTable("reihe-2");
        browser.check("monitoring-indikator");
    }

    @Test
    void theNetworkTheReportTheSearchAndTheAuditRead() {
        open("/netzwerk").check("netzwerk");
        assertThat(browser.find(By.linkText("Neuigkeiten als Atom-Feed abonnieren")).getAttribute("href"))
                .endsWith("/netzwerk.atom");

        open("/bericht?von=31.02.2026&bis=31.12.2026");
        assertThat(browser.driver().getTitle()).startsWith("Fehler: ");
        assertThat(browser.find(By.id("fehler-from")).getText()).contains("„Von“ ist kein gültiges Datum");
        assertThat(browser.find(By.id("feld-from")).getAttribute("value")).isEqualTo("31.02.2026");
        browser.check("bericht-fehler");
        open("/bericht?von=01.01.2026&bis=31.12.2026");
        assertThat(browser.find(By.cssSelector("main")).getText()).contains("Überblick")
                .contains("Nutzen Sie die Druckfunktion Ihres Browsers");
        browser.check("bericht");

        open("/suche?q=Sprachkurse").check("suche");
        assertThat(browser.h1()).isEqualTo("Suche");

        open("/pruefung?art=vorgang&kennung=SPR-01");
        assertThat(browser.find(By.cssSelector("main")).getText()).contains("IndicatorDefined");
        browser.check("pruefung-verlauf");
        open("/pruefung?kette=pruefen");
        browser.waitFor(By.cssSelector("main [role=status] h3"));
        assertThat(browser.find(By.cssSelector("main [role=status] h3")).getText()).startsWith("Ergebnis: Die Kette ist");
        browser.check("pruefung-kette");
    }

    /** The chart has a title and a description, and as many markers as its table has rows of values. */
    private void assertChartMatchesItsTable(String id) {
        WebElement figure = browser.find(By.id(id));
        WebElement svg = figure.findElement(By.tagName("svg"));
        assertThat(svg.getAttribute("role")).isEqualTo("img");
        assertThat(figure.findElement(By.cssSelector("svg title")).getAttribute("textContent")).isNotBlank();
        assertThat(figure.findElement(By.cssSelector("svg desc")).getAttribute("textContent")).contains("letzter Wert");
        int markers = figure.findElements(By.cssSelector("g.reihe circle")).size();
        int rows = browser.findAll(By.cssSelector("#" + id + "-tabelle tbody tr")).size();
        assertThat(markers).isPositive().isEqualTo(rows);
    }
}
