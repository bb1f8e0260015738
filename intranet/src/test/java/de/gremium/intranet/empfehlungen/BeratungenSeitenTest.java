package de.gremium.intranet.empfehlungen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.gremium.intranet.StubApi;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BeratungenSeitenTest extends SeitenTest {

    @BeforeEach
    void eineLaufendeBeratung() {
        API.on("GET", "/api/deliberations/del-1", 200, Ansichten.beratung("RUNNING", "null"))
                .on("GET", "/api/meetings/meet-1", 200, Ansichten.SITZUNG);
    }

    @Test
    void theListShowsEachDeliberationWithItsStatusAndObjectionsInWords() throws Exception {
        API.on("GET", "/api/deliberations", 200, Ansichten.BERATUNGEN);

        String page = mvc.perform(get("/beratungen").param("status", "RUNNING").with(mitglied("anna")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(API.received("GET", "/api/deliberations").get(0).query()).contains("status=RUNNING");
        assertThat(page).contains("<h1>Beratungen</h1>").contains("href=\"/beratungen/del-1\"")
                .contains(">läuft<").contains("1</span> offen").contains("noch offen");
    }

    @Test
    void theDeliberationShowsEachObjectionWithWhoWhenItsStateAndTheAmendmentThatResolvedIt() throws Exception {
        String page = mvc.perform(get("/beratungen/del-1").with(mitglied("anna"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<h1>Beratung eines Entwurfs</h1>").contains("Sprachcafés in allen Stadtteilen")
                .containsSubsequence("id=\"einwand-obj-1\"", ">ausgeräumt<", "Einwand von <strong>Anna Amt</strong>",
                        "07.10.2026, 16:10 Uhr", "Drei Stadtteile sind zu wenig.", "href=\"#aenderung-1\"", "Änderung 1")
                .containsSubsequence("id=\"einwand-obj-2\"", ">offen<", "Einwand von <strong>Bernd Beirat</strong>",
                        "Die Finanzierung ist offen.")
                .containsSubsequence("id=\"aenderung-1\"", "Räumt aus:", "href=\"#einwand-obj-1\"", "Einwand von Anna Amt")
                .containsSubsequence("Stellungnahmen der Gäste", "Gül Gast (Migrantenverein)", "Der Verein hilft gern.");
    }

    @Test
    void aMemberPresentMayObjectAndWithdrawOnlyTheirOwnObjectionWhileTheCoordinatorsFormsStayHidden() throws Exception {
        String bernd = mvc.perform(get("/beratungen/del-1").with(mitglied("bernd"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String anna = mvc.perform(get("/beratungen/del-1").with(mitglied("anna"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String absent = mvc.perform(get("/beratungen/del-1").with(mitglied("carla"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(bernd).contains("id=\"einwandformular\"").contains("<label for=\"feld-reason\">Begründung des Einwands</label>")
                .contains("action=\"/beratungen/del-1/einwaende/obj-2/rueckzug\"").contains("Meinen Einwand zurückziehen")
                .doesNotContain("aenderungsformular").doesNotContain("konsensformular");
        assertThat(anna).contains("id=\"einwandformular\"").doesNotContain("/rueckzug\"");
        assertThat(absent).doesNotContain("id=\"einwandformular\"")
                .contains("Einwände können nur Mitglieder erheben, die in der Sitzung anwesend waren.");
    }

    @Test
    void theCoordinatorAmendsResolvingOpenObjectionsRecordsGuestCommentsAndConcludes() throws Exception {
        String page = mvc.perform(get("/beratungen/del-1").with(koordination())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"aenderungsformular\"").contains(">Sprachcaf&eacute;s in allen Stadtteilen</textarea>")
                .containsPattern("id=\"feld-resolves\"[^>]*value=\"obj-2\"|value=\"obj-2\"[^>]*id=\"feld-resolves\"")
                .contains("id=\"gastbeitragsformular\"").contains("<option value=\"gast-1\">Gül Gast (Migrantenverein)</option>")
                .contains("id=\"konsensformular\"").contains("id=\"keinkonsensformular\"")
                .contains("Ein Konsens ist erst möglich, wenn keiner mehr offen ist.");
    }

    @Test
    void consensusWithAnObjectionOpenIsRefusedInGermanAboveTheForm() throws Exception {
        API.on("POST", "/api/deliberations/del-1/consensus", 409, """
                {"type":"urn:gremium:problem:rule-violation","title":"Rule violation","status":409,
                 "detail":"Consensus needs every objection resolved or withdrawn; still open: [obj-2]"}""");

        String page = mvc.perform(post("/beratungen/del-1/konsens").with(koordination()).with(csrf())
                        .param("bestaetigt", "true").param("version", "6"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<title>Fehler: Beratung")
                .containsSubsequence("id=\"fehlerliste\"", "Ein Konsens kann erst festgestellt werden, wenn kein Einwand "
                        + "mehr offen ist.", "Konsens feststellen</button>")
                .doesNotContain("still open");
    }

    @Test
    void aBlankObjectionIsRefusedBesideItsFieldAndAnObjectionRaisedRedirectsOnceTheViewShowsIt() throws Exception {
        API.on("POST", "/api/deliberations/del-1/objections", 400, """
                {"type":"urn:gremium:problem:validation-failed","title":"Invalid request","status":400,
                 "detail":"The request has invalid fields.","errors":[{"field":"reason","reason":"must not be blank"}]}""");

        String refused = mvc.perform(post("/beratungen/del-1/einwaende").with(mitglied("bernd")).with(csrf())
                        .param("reason", "   ").param("version", "6"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(refused).containsSubsequence("id=\"fehler-reason\"", "Bitte füllen Sie „Begründung des Einwands“ aus.",
                "id=\"feld-reason\"");

        AtomicBoolean raised = new AtomicBoolean();
        API.on("POST", "/api/deliberations/del-1/objections", () -> {
            raised.set(true);
            return new StubApi.Answer(201, "{\"id\":\"obj-3\"}");
        }).on("GET", "/api/deliberations/del-1", () -> new StubApi.Answer(200,
                Ansichten.beratung("RUNNING", "null").replace("\"version\":6", raised.get() ? "\"version\":7" : "\"version\":6")));

        mvc.perform(post("/beratungen/del-1/einwaende").with(mitglied("bernd")).with(csrf())
                        .param("reason", "Zu teuer.").param("version", "6").param("idempotencyKey", "k-3"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/beratungen/del-1"))
                .andExpect(flash().attribute("meldung", "Ihr Einwand ist erfasst."));
        assertThat(API.received("POST", "/api/deliberations/del-1/objections").get(1).body())
                .isEqualTo("{\"reason\":\"Zu teuer.\"}");
    }

    @Test
    void aClosedDeliberationShowsItsOutcomeAndOffersNoForms() throws Exception {
        API.on("GET", "/api/deliberations/del-1", 200, Ansichten.beratung("CLOSED", """
                {"kind":"CONSENSUS","recommendationId":"rec-1","positions":null,"openObjections":[],
                 "recordedBy":"koordination","recordedAt":"2026-10-07T14:30:00Z"}"""));

        String page = mvc.perform(get("/beratungen/del-1").with(koordination())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).containsSubsequence("<h2 id=\"ergebnis-titel\">Ergebnis</h2>", "<strong>Konsens</strong>",
                        "href=\"/empfehlungen/rec-1\"")
                .doesNotContain("id=\"einwandformular\"").doesNotContain("id=\"aenderungsformular\"")
                .doesNotContain("id=\"konsensformular\"");
    }
}
