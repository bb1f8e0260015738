package de.gremium.launcher.intranet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.gremium.platform.testing.Http;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/**
 * The recommendations in a real browser: a recommendation the group agreed on in a held meeting (set up through the
 * APIs as the group would have made it), its page with the trace, the deliberation and the idea; the coordinator
 * submits it, the mayor's office records a deferral, first without its review date (refused beside the field, the
 * typed reasons kept), then with it. Every page visited passes axe at both widths.
 */
class EmpfehlungenBrowserTest extends BrowserTest {

    private String idea;
    private String deliberation;
    private String recommendation;

    @BeforeAll
    void aRecommendationAgreedOnInAHeldMeeting() {
        Http.Call anna = system.command.as("anna.amt50");
        Http.Call jonas = system.command.as("jonas.fb32");
        Http.Call coordinator = system.command.as("koordinator");
        String report = created(anna.post("/api/problem-reports", Map.of("title", "Sprachkurse ausgebucht",
                "description", "Wartezeit sechs Monate", "unit", "Amt 50", "policyFields", List.of("LANGUAGE"))));
        idea = created(coordinator.post("/api/project-ideas", Map.of("title", "Sprachkurse mit Kinderbetreuung",
                "description", "Kurse der VHS mit Betreuung", "policyFields", List.of("LANGUAGE", "WOMEN_GIRLS"))));
        String meeting = created(coordinator.post("/api/meetings", Map.of("year", 2026, "quarter", 4, "kind", "REGULAR",
                "title", "Sitzung Q4/2026", "durationMinutes", 60)));
        ok(coordinator.post("/api/meetings/" + meeting + "/schedule", Map.of("start", "2026-10-07T13:00:00+02:00",
                "location", "Altes Rathaus")));
        String item = created(coordinator.post("/api/meetings/" + meeting + "/agenda-items", Map.of("topic",
                Map.of("kind", "PROJECT_IDEA", "referenceId", idea, "title", "Sprachkurse mit Kinderbetreuung"))));
        String guest = created(coordinator.post("/api/meetings/" + meeting + "/guests",
                Map.of("name", "Frau Schmidt", "organisation", "Jobcenter Magdeburg")));
        ok(coordinator.post("/api/meetings/" + meeting + "/held", Map.of("attendees",
                List.of("koordinator", "anna.amt50", "jonas.fb32"), "guestsPresent", List.of(guest), "minutes", "Protokoll")));
        deliberation = created(coordinator.post("/api/deliberations", Map.of("meetingId", meeting, "agendaItemId", item,
                "text", "Die Projektgruppe empfiehlt Sprachkurse mit Kinderbetreuung.", "policyFields", List.of("LANGUAGE"),
                "problemReports", List.of(report))));
        String objection = created(jonas.post("/api/deliberations/" + deliberation + "/objections",
                Map.of("reason", "Die Finanzierung ist offen.")));
        ok(coordinator.post("/api/deliberations/" + deliberation + "/guest-comments",
                Map.of("guestId", guest, "comment", "Das Jobcenter kann Kinderbetreuung fördern.")));
        ok(coordinator.post("/api/deliberations/" + deliberation + "/amendments", Map.of("text",
                "Die Projektgruppe empfiehlt Sprachkurse mit Kinderbetreuung, gefördert durch das Jobcenter.",
                "resolves", List.of(objection))));
        recommendation = created(coordinator.post("/api/deliberations/" + deliberation + "/consensus", "{}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> system.query.as("leser")
                .get("/api/recommendations/" + recommendation + "/trace").status() == 200);
    }

    @Test
    void theCoordinatorSubmitsAndTheMayorsOfficeRecordsADeferralOnceItsReviewDateIsGiven() {
        browser.signIn("koordinator");
        browser.open("/empfehlungen/" + recommendation);
        assertThat(browser.h1()).isEqualTo("Empfehlung an den Oberbürgermeister");
        List<String> chain = browser.findAll(By.cssSelector("ol.spur > li .spur-was")).stream().map(WebElement::getText).toList();
        assertThat(chain).containsSubsequence("Problem gemeldet", "Projektidee vorgeschlagen", "Sitzung abgehalten",
                "Einwand erhoben", "Entwurf geändert", "Konsens festgestellt", "Empfehlung formuliert");
        assertThat(browser.find(By.cssSelector("ol.spur")).findElements(By.cssSelector("a[href='/beratungen/" + deliberation + "']")))
                .isNotEmpty();
        browser.check("empfehlung-beschlossen");

        browser.find(By.id("knopf-vorlage")).click();
        waitForText(By.id("empfehlung-status"), "dem Oberbürgermeister vorgelegt");
        browser.signOut();

        browser.signIn("buero.ob");
        browser.open("/empfehlungen/" + recommendation);
        browser.find(By.id("feld-decision-DEFERRED")).click();
        browser.type(By.id("feld-reasons"), "Erst nach der Haushaltsklausur.");
        browser.find(By.id("feld-bestaetigt")).click();
        browser.find(By.id("knopf-entscheidung")).click();

        waitForText(By.id("fehler-reviewDate"), "Bitte geben Sie für eine Zurückstellung an");
        assertThat(browser.find(By.id("feld-reviewDate")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(By.id("feld-reasons")).getAttribute("value")).isEqualTo("Erst nach der Haushaltsklausur.");
        assertThat(browser.find(By.id("feld-decision-DEFERRED")).isSelected()).isTrue();
        assertThat(browser.find(By.id("fehlerliste")).getText()).contains("Wiedervorlage am");
        browser.check("empfehlung-entscheidung-fehler");

        browser.type(By.id("feld-reviewDate"), "31.03.2027");
        browser.find(By.id("knopf-entscheidung")).click();

        waitForText(By.id("empfehlung-status"), "zurückgestellt");
        assertThat(browser.find(By.id("empfehlung-entscheidung")).getText()).contains("zurückgestellt");
        assertThat(browser.find(By.cssSelector("main")).getText()).contains("31.03.2027")
                .contains("Die Entscheidung des Oberbürgermeisters ist erfasst.");
        browser.check("empfehlung-zurueckgestellt");
        browser.signOut();
    }

    @Test
    void theListTheDeliberationAndTheIdeaReadInGermanAndPassAxe() {
        browser.signIn("anna.amt50");
        browser.open("/empfehlungen");
        assertThat(browser.find(By.cssSelector("main table")).getText()).contains("Sprachkurse mit Kinderbetreuung");
        browser.check("empfehlungen");

        browser.open("/beratungen/" + deliberation);
        assertThat(browser.find(By.cssSelector("main")).getText()).contains("Die Finanzierung ist offen.")
                .contains("ausgeräumt").contains("Änderung 1").contains("Frau Schmidt (Jobcenter Magdeburg)");
        browser.check("beratung");

        browser.open("/beratungen");
        browser.check("beratungen");

        browser.open("/ideen/" + idea);
        assertThat(browser.h1()).isEqualTo("Sprachkurse mit Kinderbetreuung");
        browser.check("idee");
        browser.signOut();
    }

    private void waitForText(By element, String text) {
        browser.waitUntil(text, () -> {
            try {
                return browser.find(element).getText().contains(text);
            } catch (WebDriverException notThereYet) {
                return false;
            }
        });
    }

    private static String created(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private static void ok(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 204);
    }
}
