package de.gremium.launcher.intranet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The harness itself, end to end: a member signs in, sees the start page, which passes axe at both widths, signs out. */
class IntranetSmokeBrowserTest extends BrowserTest {

    @Test
    void aMemberSignsInSeesTheStartPageThatPassesAxeAtBothWidthsAndSignsOut() throws Exception {
        browser.open("/anmelden").check("anmelden");

        signIn("anna.amt50");

        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.h1()).startsWith("Guten Tag");
        assertThat(browser.find(By.cssSelector("header .person")).getText()).contains("Angemeldet als");
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        browser.check("start");
        assertThat(Browser.SCREENSHOTS.resolve("start-desktop.png")).isRegularFile();
        assertThat(Browser.SCREENSHOTS.resolve("start-schmal.png")).isRegularFile();
        assertThat(Files.size(Browser.SCREENSHOTS.resolve("start-schmal.png"))).isGreaterThan(1000);

        browser.signOut();

        assertThat(browser.find(By.cssSelector("main")).getText()).contains("Sie sind abgemeldet");
        browser.open("/");
        assertThat(browser.path()).as("a signed-out visitor is sent to the sign-in page").startsWith("/anmelden");
    }

    @Test
    void axeReportsAViolationWithItsRuleImpactHelpAndElement() {
        browser.open("/anmelden");
        // break the page on purpose: a field without its label; the check must name the rule and the element
        browser.script("document.querySelector('label[for=benutzername]').remove()");

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(browser::axe);

        assertThat(failure).isInstanceOf(AssertionError.class).hasMessageContaining("label (critical)")
                .hasMessageContaining("https://dequeuniversity.com/rules/axe/").hasMessageContaining("#benutzername");
    }

    @Test
    void aWrongPasswordShowsTheGermanErrorOnTheSignInPage() {
        browser.open("/anmelden");
        browser.type(By.id("benutzername"), "anna.amt50").type(By.id("passwort"), "falsch");
        browser.find(By.cssSelector("main form button[type=submit]")).click();

        browser.waitUntil("the sign-in page again", () -> browser.path().startsWith("/anmelden?falsch"));
        assertThat(browser.find(By.id("fehlerliste")).getText()).contains("Benutzername oder Passwort ist falsch");
        browser.check("anmelden-fehler");
    }
}
