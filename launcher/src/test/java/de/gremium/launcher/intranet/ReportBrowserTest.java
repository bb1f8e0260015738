package de.gremium.launcher.intranet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * A member reports a problem through the intranet's form and finds it on the board: with the mouse, with a refusal,
 * with the keyboard alone, and reading the board with JavaScript off. Every page visited passes axe at both widths.
 */
class ReportBrowserTest extends BrowserTest {

    private static final String MEMBER = "anna.amt50";

    @BeforeAll
    void signInAsAMember() {
        signIn(MEMBER);
    }

    @Test
    void aMemberSubmitsAReportAndFindsItOnTheBoard() {
        String title = "Sprachkurse ohne Kinderbetreuung " + shortId();
        open("/probleme/neu").check("probleme-neu");
        assertThat(browser.h1()).isEqualTo("Problem melden");

        browser.type(By.id("feld-title"), title)
                .type(By.id("feld-description"), "Eltern kleiner Kinder können die Kurse am Vormittag nicht besuchen.");
        new Select(browser.find(By.id("feld-unit"))).selectByVisibleText("Amt 50");
        browser.find(By.id("feld-policyFields")).click();
        browser.find(By.cssSelector("main form.formular button[type=submit]")).click();

        browser.waitUntil("the new report's page", () -> browser.path().matches("/probleme/[^/?]+") && !browser.path()
                .equals("/probleme/neu"));
        assertThat(browser.h1()).contains(title);
        browser.check("probleme-bericht");

        open("/probleme");
        browser.waitUntil("the board lists the report", () -> boardTitles().contains(title));
        browser.check("probleme-liste");
    }

    @Test
    void aBlankTitleShowsTheGermanErrorBesideTheFieldAndKeepsTheTypedDescription() {
        String description = "Die Beratungsstelle ist nur telefonisch erreichbar " + shortId();
        open("/probleme/neu");
        browser.type(By.id("feld-description"), description);
        new Select(browser.find(By.id("feld-unit"))).selectByVisibleText("Amt 50");
        browser.find(By.id("feld-policyFields")).click();
        browser.find(By.cssSelector("main form.formular button[type=submit]")).click();

        browser.waitFor(By.id("fehler-title"));
        assertThat(browser.driver().getTitle()).startsWith("Fehler: ");
        WebElement error = browser.find(By.id("fehler-title"));
        assertThat(error.getText()).contains("Bitte füllen Sie „Titel“ aus.");
        WebElement field = browser.find(By.id("feld-title"));
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field.getAttribute("aria-describedby")).contains("fehler-title");
        assertThat(browser.find(By.id("feld-description")).getAttribute("value")).isEqualTo(description);
        assertThat(new Select(browser.find(By.id("feld-unit"))).getFirstSelectedOption().getText()).isEqualTo("Amt 50");
        assertThat(browser.find(By.cssSelector("a[href='#feld-title']")).getText())
                .as("the error summary links to the field").isNotBlank();
        browser.check("probleme-neu-fehler");
    }

    @Test
    void theReportFormCanBeFilledAndSentWithTheKeyboardAloneAndShowsWhereTheFocusIs() {
        String title = "Nur mit der Tastatur " + shortId();
        open("/probleme/neu");
        List<String> labelsInReadingOrder = browser.labels();

        press(Keys.TAB); // the skip link is the first stop on every page
        assertThat(focusedName()).isEqualTo("Zum Inhalt springen");
        assertVisibleFocus();
        press(Keys.ENTER);
        press(Keys.TAB);

        List<String> visited = new ArrayList<>();
        visited.add(focusedName());
        assertThat(focusedName()).isEqualTo("Titel");
        assertVisibleFocus();
        type(title);
        press(Keys.TAB);
        visited.add(focusedName());
        assertVisibleFocus();
        type("Formulare der Ausländerbehörde gibt es nur auf Deutsch.");
        press(Keys.TAB);
        visited.add(focusedName());
        assertVisibleFocus();
        type("Amt 50"); // a closed list box selects by typing its entry
        press(Keys.TAB);
        visited.add(focusedName());
        assertVisibleFocus();
        type(" "); // the first policy field's check box
        while (!focusedName().equals("Bericht einreichen")) {
            press(Keys.TAB);
            visited.add(focusedName());
            assertVisibleFocus();
            assertThat(visited).as("the focus never reaches the submit button").hasSizeLessThan(40);
        }

        assertThat(visited.subList(0, 3)).containsExactly("Titel", "Beschreibung", "Organisationseinheit");
        assertThat(visited.subList(0, visited.size() - 1)).as("focus order = the labels' reading order")
                .containsExactlyElementsOf(labelsInReadingOrder);
        press(Keys.ENTER);

        browser.waitUntil("the new report's page", () -> browser.path().matches("/probleme/[^/?]+")
                && !browser.path().equals("/probleme/neu"));
        assertThat(browser.h1()).contains(title);
    }

    @Test
    void aReportIsSentAndTheBoardAndTheReportAreReadWithJavaScriptOff() {
        String title = "Ohne JavaScript lesbar " + shortId();
        Browser reader = withoutJavaScript();
        reader.signIn(MEMBER);
        reader.open("/probleme/neu");
        assertThat(reader.pageScriptsRan()).as("scripts in the browser without JavaScript").isFalse();
        assertThat(browser.open("/probleme/neu").pageScriptsRan()).as("scripts in the ordinary browser").isTrue();
        reader.type(By.id("feld-title"), title).type(By.id("feld-description"), "Gelesen und gesendet ohne Skripte.");
        new Select(reader.find(By.id("feld-unit"))).selectByVisibleText("Amt 50");
        reader.find(By.id("feld-policyFields")).click();
        reader.find(By.cssSelector("main form.formular button[type=submit]")).click();
        reader.waitUntil("the new report's page", () -> reader.path().matches("/probleme/[^/?]+")
                && !reader.path().equals("/probleme/neu"));
        assertThat(reader.h1()).contains(title);

        reader.open("/probleme");
        reader.waitUntil("the board lists the report", () -> reader.findAll(By.cssSelector("main .bericht-titel a"))
                .stream().anyMatch(link -> link.getText().equals(title)));
        reader.find(By.linkText(title)).click();
        reader.waitUntil("the report's page", () -> reader.h1().contains(title));
    }

    private List<String> boardTitles() {
        open("/probleme");
        return browser.findAll(By.cssSelector("main .bericht-titel a")).stream().map(WebElement::getText).toList();
    }

    private void press(Keys key) {
        new Actions(browser.driver()).sendKeys(key).perform();
    }

    private void type(String text) {
        new Actions(browser.driver()).sendKeys(text).perform();
    }

    /** What a screen reader would announce for the focused element: its label, or its own text. */
    private String focusedName() {
        return String.valueOf(browser.script("""
                const e = document.activeElement;
                if (e.labels && e.labels.length) { return e.labels[0].textContent.trim(); }
                return (e.textContent || e.value || '').trim();"""));
    }

    /** WCAG 2.4.7: the focused element shows an outline of at least 2 px. */
    private void assertVisibleFocus() {
        WebElement focused = browser.focused();
        Object style = browser.script("const s = getComputedStyle(arguments[0]); return s.outlineStyle + ' ' + s.outlineWidth;",
                focused);
        String[] parts = String.valueOf(style).split(" ");
        assertThat(parts[0]).as("outline style of %s", focusedName()).isNotEqualTo("none");
        assertThat(Double.parseDouble(parts[1].replace("px", ""))).as("outline width of %s", focusedName())
                .isGreaterThanOrEqualTo(2.0);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
