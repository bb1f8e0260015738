package de.gremium.launcher.intranet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The problem board beyond the report form ({@link ReportBrowserTest}): the coordinator acknowledges a member's report
 * and closes it after confirming, the member finds it with its outcome on the start page, and the board's filter
 * swaps its result region with htmx and pushes the address. Every page visited, every refusal and every swap passes
 * axe at both widths.
 */
class ProblemeBrowserTest extends BrowserTest {

    private static final String MEMBER = "anna.amt50";
    private static final String COORDINATOR = "koordinator";

    @Test
    void theCoordinatorAcknowledgesAndAfterConfirmingClosesAReportWhoseAuthorSeesTheOutcome() {
        String title = "Wartezeiten in der Ausländerbehörde " + shortId();
        signIn(MEMBER);
        String report = submit(title);
        browser.signOut();

        signIn(COORDINATOR);
        open(report);
        browser.check("probleme-bericht-koordination");
        browser.type(By.id("feld-note"), "Kommt auf die nächste Tagesordnung.");
        submitForm("annahme");
        browser.waitUntil("the report is acknowledged", () -> statusText().equals("angenommen"));
        assertThat(history()).contains("Angenommen").contains("Kommt auf die nächste Tagesordnung.");

        // closing without the confirmation is refused beside the check box, the typed resolution kept
        browser.find(By.id("feld-outcome")).click();
        browser.type(By.id("feld-resolution"), "Zusätzliche Sprechzeiten am Donnerstag.");
        submitForm("abschluss");
        browser.waitFor(By.id("fehler-bestaetigt"));
        assertThat(browser.driver().getTitle()).startsWith("Fehler: ");
        assertThat(browser.find(By.id("fehler-bestaetigt")).getText()).contains("Bitte bestätigen Sie");
        assertThat(browser.find(By.id("feld-bestaetigt")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(By.id("feld-resolution")).getAttribute("value")).isEqualTo("Zusätzliche Sprechzeiten am Donnerstag.");
        browser.check("probleme-abschluss-fehler");

        browser.find(By.id("feld-bestaetigt")).click();
        submitForm("abschluss");
        browser.waitUntil("the report is closed", () -> statusText().equals("abgeschlossen"));
        assertThat(history()).contains("Abgeschlossen").contains("Ergebnis: gelöst");
        assertThat(browser.findAll(By.cssSelector("form[action$='/abschluss']"))).isEmpty();
        browser.signOut();

        signIn(MEMBER);
        open("/");
        WebElement mine = browser.find(By.xpath("//table[caption[contains(., 'Ihre Berichte')]]"));
        assertThat(mine.getText()).contains(title).contains("abgeschlossen").contains("(gelöst)");
        browser.check("start-mitglied");
        browser.signOut();
    }

    @Test
    void theBoardsFilterSwapsTheResultsAndPushesTheAddress() {
        String title = "Filter mit htmx " + shortId();
        signIn(MEMBER);
        submit(title);

        open("/probleme");
        browser.check("probleme-liste-alle");
        new Select(browser.find(By.id("feld-status"))).selectByVisibleText("eingereicht");
        browser.find(By.id("feld-suche")).clear();
        browser.find(By.cssSelector("form.filter button[type=submit]")).click();
        browser.waitUntil("the address carries the filter", () -> browser.path().contains("status=SUBMITTED"));
        browser.waitUntil("the swapped list shows the report", () -> browser
                .findAll(By.cssSelector("#ergebnis .bericht-titel a")).stream().anyMatch(a -> a.getText().equals(title)));
        assertThat(browser.findAll(By.id("ergebnis"))).as("one result region after the swap").hasSize(1);
        assertThat(browser.findAll(By.cssSelector("#ergebnis .status"))).allMatch(s -> s.getText().equals("eingereicht"));
        browser.check("probleme-liste-gefiltert");
        browser.signOut();
    }

    /** Submits a report through the form as the signed-in member; the path of its page. */
    private String submit(String title) {
        open("/probleme/neu");
        browser.type(By.id("feld-title"), title)
                .type(By.id("feld-description"), "Termine gibt es erst in drei Monaten; Fristen laufen vorher ab.");
        new Select(browser.find(By.id("feld-unit"))).selectByVisibleText("Amt 50");
        browser.find(By.id("feld-policyFields")).click();
        browser.find(By.cssSelector("main form.formular button[type=submit]")).click();
        browser.waitUntil("the new report's page", () -> browser.path().matches("/probleme/[^/?]+")
                && !browser.path().equals("/probleme/neu"));
        assertThat(browser.h1()).contains(title);
        return browser.path();
    }

    private void submitForm(String action) {
        browser.find(By.cssSelector("form[action$='/" + action + "'] button[type=submit]")).click();
    }

    private String statusText() {
        return browser.find(By.cssSelector("dl.angaben .status")).getText();
    }

    private String history() {
        return browser.find(By.cssSelector("ol.verlauf")).getText();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
