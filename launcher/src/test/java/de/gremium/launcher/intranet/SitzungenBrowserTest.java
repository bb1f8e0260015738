package de.gremium.launcher.intranet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The work plan, a meeting and its scheduling poll in a real browser: the coordinator plans next year's first
 * regular meeting and opens a
 * poll, a member first sends the poll form without a choice (refused in German beside the answers) and then answers
 * every candidate, the coordinator fixes the date and the meeting page shows it. Every page visited passes axe at
 * both widths.
 */
class SitzungenBrowserTest extends BrowserTest {

    private static final String COORDINATOR = "koordinator";
    private static final String MEMBER = "anna.amt50";
    private static final Pattern DATE = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{4}");

    @Test
    void theCoordinatorPlansAMeetingAMemberAnswersThePollAndTheFixedDateShowsOnTheMeetingPage() {
        int year = Year.now(ZoneId.of("Europe/Berlin")).getValue() + 1; // its first quarter lies ahead, whenever this runs
        signIn(COORDINATOR);
        open("/arbeitsplan/" + year).check("arbeitsplan");
        assertThat(browser.h1()).isEqualTo("Arbeitsplan " + year);

        new Select(browser.find(By.id("feld-quarter"))).selectByValue("1");
        browser.find(By.id("feld-kind-regulaer")).click();
        browser.type(By.id("feld-title"), "Erste Sitzung " + year).type(By.id("feld-durationMinutes"), "60");
        browser.find(By.cssSelector("form[action$='/sitzungen'].formular button[type=submit]")).click();
        browser.waitUntil("the new meeting's page", () -> browser.path().startsWith("/sitzungen/"));
        String meeting = browser.path();
        assertThat(browser.h1()).isEqualTo("Erste Sitzung " + year);
        assertThat(browser.find(By.id("sitzung-status")).getText()).isEqualTo("geplant");
        browser.check("sitzung-geplant");

        browser.find(By.cssSelector("form[action$='/terminumfrage'] button[type=submit]")).click();
        browser.waitUntil("the poll's page", () -> browser.path().startsWith("/terminumfragen/"));
        String poll = browser.path();
        assertThat(browser.findAll(By.cssSelector("#rangliste tbody tr"))).isNotEmpty();
        browser.check("terminumfrage-koordination");
        browser.signOut();

        signIn(MEMBER);
        open(poll);
        assertThat(browser.find(By.id("ohne-antwort")).getText()).contains("Anna Becker");
        browser.find(By.id("antworten-speichern")).click();
        browser.waitFor(By.id("fehler-answers"));
        assertThat(browser.find(By.id("fehler-answers")).getText()).contains("Bitte füllen Sie „Ihre Antworten“ aus.");
        assertThat(browser.find(By.id("fehlerliste")).getText()).contains("Ihre Antworten");
        browser.check("terminumfrage-fehler");

        List<WebElement> candidates = browser.findAll(By.cssSelector("#antwort-formular fieldset"));
        for (int n = 1; n <= candidates.size(); n++) {
            browser.find(By.id("antwort-" + n + (n == 1 ? "-ja" : n == 2 ? "-wenn-noetig" : "-nein"))).click();
        }
        browser.find(By.id("antworten-speichern")).click();
        browser.waitUntil("the saved answers", () -> browser.findAll(By.cssSelector(".hinweis-erfolg")).stream()
                .anyMatch(notice -> notice.getText().contains("Gespeichert") || notice.getText().contains("Ihre Antworten")));
        assertThat(browser.findAll(By.id("ohne-antwort")).stream().map(WebElement::getText))
                .noneMatch(names -> names.contains("Anna Becker"));
        assertThat(browser.find(By.id("antwort-1-ja")).isSelected()).as("the answer stays chosen").isTrue();
        browser.check("terminumfrage-beantwortet");
        browser.signOut();

        signIn(COORDINATOR);
        open(poll);
        Select best = new Select(browser.find(By.id("feld-candidateId")));
        String chosen = best.getFirstSelectedOption().getText();
        assertThat(chosen).startsWith("1. ").contains("Ja 1");
        browser.find(By.id("feld-bestaetigt")).click();
        browser.find(By.id("termin-festlegen")).click();

        browser.waitUntil("the meeting's page", () -> browser.path().equals(meeting));
        assertThat(browser.find(By.id("sitzung-status")).getText()).isEqualTo("terminiert");
        Matcher date = DATE.matcher(chosen);
        assertThat(date.find()).isTrue();
        assertThat(browser.find(By.id("sitzung-datum")).getText()).isEqualTo(date.group());
        browser.check("sitzung-terminiert");
    }
}
