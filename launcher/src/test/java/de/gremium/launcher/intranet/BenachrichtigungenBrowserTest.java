package de.gremium.launcher.intranet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Notifications in a real browser: a member sends a malformed address (refused in German beside the field), then a
 * good one, and chooses "gar nicht" for agendas; the coordinator opens a scheduling poll, and since the embedded
 * default has no SMTP server the letters to the members wait in the outbox as "nicht versandt", where the
 * coordinator reads one of them. Every page visited passes axe at both widths.
 */
class BenachrichtigungenBrowserTest extends BrowserTest {

    private static final String COORDINATOR = "koordinator";
    private static final String MEMBER = "anna.amt50";

    @Test
    void aMemberChoosesAddressAndDeliveriesAndTheCoordinatorReadsTheHeldPollLetterInTheOutbox() {
        signIn(MEMBER);
        open("/benachrichtigungen").check("benachrichtigungen");
        assertThat(browser.h1()).isEqualTo("Benachrichtigungen");

        browser.type(By.id("feld-email"), "anna@");
        browser.find(By.cssSelector("form[action$='/benachrichtigungen/adresse'] button[type=submit]")).click();
        browser.waitFor(By.id("fehler-email"));
        assertThat(browser.find(By.id("fehler-email")).getText()).contains("„E-Mail-Adresse“");
        assertThat(browser.find(By.id("feld-email")).getAttribute("value")).isEqualTo("anna@");
        browser.check("benachrichtigungen-fehler");

        browser.type(By.id("feld-email"), "anna.becker@magdeburg.example");
        browser.find(By.cssSelector("form[action$='/benachrichtigungen/adresse'] button[type=submit]")).click();
        browser.waitUntil("the saved address", () -> browser.find(By.cssSelector(".hinweis-erfolg")).getText().contains("Gespeichert")
                || browser.find(By.cssSelector(".hinweis-erfolg")).getText().contains("E-Mail-Adresse ist gespeichert"));
        assertThat(browser.find(By.id("feld-email")).getAttribute("value")).isEqualTo("anna.becker@magdeburg.example");

        browser.find(By.id("feld-deliveries[AGENDAS]-NEVER")).click();
        browser.find(By.cssSelector("form[action$='/benachrichtigungen/einstellungen'] button[type=submit]")).click();
        browser.waitUntil("the saved settings", () -> browser.find(By.cssSelector(".hinweis-erfolg")).getText().contains("Einstellungen"));
        assertThat(browser.find(By.id("feld-deliveries[AGENDAS]-NEVER")).isSelected()).as("the choice stays").isTrue();
        browser.check("benachrichtigungen-gespeichert");
        browser.signOut();

        signIn(COORDINATOR);
        int year = Year.now(ZoneId.of("Europe/Berlin")).getValue() + 1;
        open("/arbeitsplan/" + year);
        new Select(browser.find(By.id("feld-quarter"))).selectByValue("2");
        browser.find(By.id("feld-kind-regulaer")).click();
        browser.type(By.id("feld-title"), "Sitzung mit Umfrage " + year).type(By.id("feld-durationMinutes"), "60");
        browser.find(By.cssSelector("form[action$='/sitzungen'].formular button[type=submit]")).click();
        browser.waitUntil("the new meeting's page", () -> browser.path().startsWith("/sitzungen/"));
        browser.find(By.cssSelector("form[action$='/terminumfrage'] button[type=submit]")).click();
        browser.waitUntil("the poll's page", () -> browser.path().startsWith("/terminumfragen/"));

        String address = "anna.becker@magdeburg.example";
        browser.waitUntil("the poll's letter to the member in the outbox", () -> {
            open("/postausgang");
            return browser.findAll(By.cssSelector("#briefe tbody tr")).stream().anyMatch(row -> row.getText().contains(address));
        });
        assertThat(browser.h1()).isEqualTo("Postausgang");
        browser.check("postausgang");

        browser.findAll(By.cssSelector("#briefe tbody tr")).stream().filter(row -> row.getText().contains(address))
                .findFirst().orElseThrow().findElement(By.cssSelector("a[href*='/postausgang/']")).click();
        browser.waitFor(By.id("angaben"));
        String letter = browser.path();
        browser.waitUntil("the letter held for want of an SMTP server", () -> {
            open(letter);
            return browser.find(By.id("angaben")).getText().contains("nicht versandt (kein SMTP-Server)");
        });
        assertThat(browser.h1()).startsWith("Terminumfrage");
        assertThat(browser.find(By.id("brieftext")).getText()).contains("Sitzung mit Umfrage");
        browser.check("postausgang-brief");
    }
}
