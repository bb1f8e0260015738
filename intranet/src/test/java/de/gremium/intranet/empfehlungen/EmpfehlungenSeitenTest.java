package de.gremium.intranet.empfehlungen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.gremium.intranet.StubApi;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EmpfehlungenSeitenTest extends SeitenTest {

    @Test
    void theListShowsEachRecommendationWithItsStatusPolicyFieldDecisionAndReviewDateInGerman() throws Exception {
        API.on("GET", "/api/recommendations", 200, Ansichten.LISTE);

        String page = mvc.perform(get("/empfehlungen").with(mitglied("anna"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<h1>Empfehlungen an den Oberbürgermeister</h1>")
                .contains("href=\"/empfehlungen/rec-1\"").contains("Die Stadt richtet Sprachcafés")
                .contains(">zurückgestellt<").contains("beschlossen, noch nicht vorgelegt")
                .contains("Spracherwerb").contains("Integration in den Stadtteilen")
                .contains("31.03.2027").contains("am 02.11.2026")
                .contains("23 gefunden, Seite 1 von 2").contains("href=\"/empfehlungen?seite=2\"");
    }

    @Test
    void theListsFiltersAreAskedOfTheQuerySideAndKeptInTheFormAndThePagingLinks() throws Exception {
        API.on("GET", "/api/recommendations", 200, Ansichten.LISTE);

        String page = mvc.perform(get("/empfehlungen").param("status", "DEFERRED").param("politikfeld", "LANGUAGE")
                        .param("jahr", "2026").param("faellig", "ja").with(mitglied("anna")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        String query = API.received("GET", "/api/recommendations").get(0).query();
        assertThat(query).contains("status=DEFERRED").contains("policyField=LANGUAGE").contains("year=2026")
                .containsPattern("dueForReviewBy=\\d{4}-\\d{2}-\\d{2}").contains("page=1");
        assertThat(page).contains("<option value=\"DEFERRED\" selected=\"selected\">")
                .contains("seite=2&amp;status=DEFERRED&amp;politikfeld=LANGUAGE&amp;jahr=2026&amp;faellig=ja");
    }

    @Test
    void aYearThatIsNoYearIsShownBesideTheFilterAndNotSent() throws Exception {
        API.on("GET", "/api/recommendations", 200, Ansichten.LISTE);

        String page = mvc.perform(get("/empfehlungen").param("jahr", "zwanzig").with(mitglied("anna")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<title>Fehler: Empfehlungen").contains("id=\"fehler-jahr\"")
                .contains("eine Jahreszahl zwischen 1900 und 2200").contains("value=\"zwanzig\"");
        assertThat(API.received("GET", "/api/recommendations").get(0).query()).doesNotContain("year");
    }

    @Test
    void theRecommendationPageDrawsItsTraceAsAnOrderedChainEachStepWithWhoWhenAndALinkToItsPage() throws Exception {
        API.on("GET", "/api/recommendations/rec-1", 200, Ansichten.ANGENOMMEN)
                .on("GET", "/api/recommendations/rec-1/trace", 200, Ansichten.SPUR);

        String page = mvc.perform(get("/empfehlungen/rec-1").with(mitglied("anna"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        String chain = page.substring(page.indexOf("<ol class=\"spur\""), page.indexOf("</ol>", page.indexOf("<ol class=\"spur\"")));
        assertThat(count(chain, "<li ")).isEqualTo(10);
        assertThat(chain).containsSubsequence(
                "Problem gemeldet", "von <span>Anna Amt</span>", "02.03.2026, 09:00 Uhr",
                "href=\"/probleme/rep-1\"", "Zur Problemmeldung „Zu wenige Sprachkurse im Norden“",
                "Projektidee vorgeschlagen", "href=\"/ideen/idea-1\"", "Zur Projektidee „Sprachcafés“",
                "Tagesordnungspunkt aufgenommen", "href=\"/sitzungen/meet-1\"",
                "Sitzung abgehalten", "href=\"/sitzungen/meet-1\"", "Zur Sitzung „Sitzung IV/2026“",
                "Entwurf einer Empfehlung zur Beratung gestellt", "href=\"/beratungen/del-1\"",
                "Konsens festgestellt", "href=\"/beratungen/del-1\"",
                "Empfehlung formuliert",
                "Entscheidung des Oberbürgermeisters: angenommen", "von <span>buero-ob</span>", "02.11.2026, 11:00 Uhr",
                "Maßnahme beschlossen", "href=\"/monitoring/massnahmen/mass-1\"",
                "Bewertung der Maßnahme: auf Kurs", "3 von 5 eröffnet", "href=\"/monitoring/massnahmen/mass-1\"");
        assertThat(page).contains("<h1>Empfehlung an den Oberbürgermeister</h1>")
                .contains("Wird im Haushalt 2027 umgesetzt.")
                .containsSubsequence("Antwortet auf", "href=\"/ideen/idea-1\"", "Projektidee „Sprachcafés“",
                        "href=\"/probleme/rep-1\"", "Problemmeldung „Zu wenige Sprachkurse im Norden“");
    }

    @Test
    void theMayorsOfficeSeesTheDecisionFormOfASubmittedRecommendationAndAMemberOrTheCoordinatorDoesNot() throws Exception {
        API.on("GET", "/api/recommendations/rec-1", 200, Ansichten.VORGELEGT)
                .on("GET", "/api/recommendations/rec-1/trace", 200, Ansichten.SPUR);

        String mayorsOffice = mvc.perform(get("/empfehlungen/rec-1").with(buergermeisterbuero()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String member = mvc.perform(get("/empfehlungen/rec-1").with(mitglied("anna")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String coordinator = mvc.perform(get("/empfehlungen/rec-1").with(koordination()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(mayorsOffice).contains("id=\"entscheidungsformular\"").contains("action=\"/empfehlungen/rec-1/entscheidung\"")
                .contains("<legend>Entscheidung</legend>").contains("id=\"feld-decision\"")
                .contains("id=\"feld-decision-DEFERRED\"").contains("<label for=\"feld-reasons\">Begründung</label>")
                .contains("<label for=\"feld-reviewDate\">Wiedervorlage am</label>").contains("id=\"feld-bestaetigt\"")
                .contains("Ich bestätige, dass dies die Entscheidung des Oberbürgermeisters ist")
                .contains("name=\"_csrf\"").contains("name=\"idempotencyKey\"");
        assertThat(member).doesNotContain("entscheidungsformular").doesNotContain("vorlageformular");
        assertThat(coordinator).doesNotContain("entscheidungsformular");
    }

    @Test
    void theCoordinatorSubmitsAFormulatedRecommendationAndTheMayorsOfficeIsToldItIsNotSubmittedYet() throws Exception {
        API.on("GET", "/api/recommendations/rec-1", 200, Ansichten.empfehlung("FORMULATED", "null", "null", 1))
                .on("GET", "/api/recommendations/rec-1/trace", 200, Ansichten.SPUR);

        String coordinator = mvc.perform(get("/empfehlungen/rec-1").with(koordination()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String mayorsOffice = mvc.perform(get("/empfehlungen/rec-1").with(buergermeisterbuero()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(coordinator).contains("id=\"vorlageformular\"").contains("action=\"/empfehlungen/rec-1/vorlage\"");
        assertThat(mayorsOffice).doesNotContain("id=\"entscheidungsformular\"").contains("noch nicht\n      vorgelegt");
    }

    @Test
    void aDeferralWithoutReviewDateIsRefusedBesideTheFieldInGermanWithEverythingTypedKept() throws Exception {
        API.on("GET", "/api/recommendations/rec-1", 200, Ansichten.VORGELEGT)
                .on("GET", "/api/recommendations/rec-1/trace", 200, Ansichten.SPUR)
                .on("POST", "/api/recommendations/rec-1/decision", 400, """
                        {"type":"urn:gremium:problem:validation-failed","title":"Invalid request","status":400,
                         "detail":"a deferred recommendation needs a review date",
                         "errors":[{"field":"reviewDate","reason":"a deferred recommendation needs a review date"}]}""");

        String page = mvc.perform(post("/empfehlungen/rec-1/entscheidung").with(buergermeisterbuero()).with(csrf())
                        .param("decision", "DEFERRED").param("reasons", "Erst nach der Haushaltsklausur.")
                        .param("reviewDate", "").param("bestaetigt", "true").param("version", "3")
                        .param("idempotencyKey", "k-1"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(API.received("POST", "/api/recommendations/rec-1/decision")).hasSize(1);
        assertThat(page).contains("<title>Fehler: Empfehlung")
                .contains("href=\"#feld-reviewDate\"")
                .containsSubsequence("id=\"fehler-reviewDate\"", "Bitte geben Sie für eine Zurückstellung an, wann die "
                        + "Empfehlung wieder vorgelegt wird", "id=\"feld-reviewDate\"")
                .containsPattern("id=\"feld-reviewDate\"[^>]*aria-invalid=\"true\"")
                .containsPattern("id=\"feld-reviewDate\"[^>]*aria-describedby=\"hilfe-reviewDate fehler-reviewDate\"")
                .contains(">Erst nach der Haushaltsklausur.</textarea>")
                .containsPattern("value=\"DEFERRED\"[^>]*checked")
                .doesNotContain("needs a review date");
    }

    @Test
    void withoutTheConfirmationNothingIsSentAndTheCheckboxSaysWhy() throws Exception {
        API.on("GET", "/api/recommendations/rec-1", 200, Ansichten.VORGELEGT)
                .on("GET", "/api/recommendations/rec-1/trace", 200, Ansichten.SPUR);

        String page = mvc.perform(post("/empfehlungen/rec-1/entscheidung").with(buergermeisterbuero()).with(csrf())
                        .param("decision", "ACCEPTED").param("reasons", "Gut.").param("reviewDate", "31.02.2027")
                        .param("version", "3"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(API.received("POST", "/api/recommendations/rec-1/decision")).isEmpty();
        assertThat(page).containsSubsequence("id=\"fehler-reviewDate\"", "ist kein gültiges Datum", "value=\"31.02.2027\"")
                .containsSubsequence("id=\"fehler-bestaetigt\"", "Bitte bestätigen Sie", "id=\"feld-bestaetigt\"");
    }

    @Test
    void aDecisionIsSentToTheCommandSideAndThePageRedirectsOnceTheViewShowsIt() throws Exception {
        AtomicBoolean decided = new AtomicBoolean();
        API.on("GET", "/api/recommendations/rec-1", () -> new StubApi.Answer(200,
                        decided.get() ? Ansichten.ANGENOMMEN : Ansichten.VORGELEGT))
                .on("POST", "/api/recommendations/rec-1/decision", () -> {
                    decided.set(true);
                    return new StubApi.Answer(204, "");
                });

        mvc.perform(post("/empfehlungen/rec-1/entscheidung").with(buergermeisterbuero()).with(csrf())
                        .param("decision", "DEFERRED").param("reasons", "Erst nach der Haushaltsklausur.")
                        .param("reviewDate", "31.03.2027").param("bestaetigt", "true").param("version", "3")
                        .param("idempotencyKey", "k-2"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/empfehlungen/rec-1"))
                .andExpect(flash().attribute("meldung", "Die Entscheidung des Oberbürgermeisters ist erfasst."));

        List<StubApi.Received> sent = API.received("POST", "/api/recommendations/rec-1/decision");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).body()).isEqualTo(
                "{\"decision\":\"DEFERRED\",\"reasons\":\"Erst nach der Haushaltsklausur.\",\"reviewDate\":\"2027-03-31\"}");
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
