package de.gremium.intranet.benachrichtigungen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.gremium.intranet.Html;
import de.gremium.intranet.PageTest;
import de.gremium.intranet.StubApi;
import de.gremium.intranet.signin.SignedInUser;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BenachrichtigungenPageTest extends PageTest {

    static final SignedInUser MITGLIED = new SignedInUser("m.mueller", "Maria Müller", List.of("MEMBER"));
    static final SignedInUser BUERO = new SignedInUser("b.buero", "Bea Büro", List.of("MAYOR_OFFICE"));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StubApi apis = API;

    /** The settings as {@code GET /api/me/notification-settings} gives them. */
    static String settings(String email, String agendas, boolean withdrawn) {
        return """
                {"memberId":"m.mueller","name":"Maria Müller","email":%s,
                 "settings":[
                   {"kind":"SCHEDULING_POLLS","label":"Terminumfragen","description":"Eine Terminumfrage wurde eröffnet.",
                    "delivery":"IMMEDIATELY","deliveryLabel":"sofort"},
                   {"kind":"AGENDAS","label":"Tagesordnungen","description":"Die Tagesordnung vor der Sitzung.",
                    "delivery":"%s","deliveryLabel":"in der wöchentlichen Zusammenfassung"},
                   {"kind":"MINUTES","label":"Protokolle","description":"Das Protokoll, sobald es aufgenommen ist.",
                    "delivery":"NEVER","deliveryLabel":"gar nicht"}],
                 "deliveries":[{"value":"IMMEDIATELY","label":"sofort"},
                   {"value":"WEEKLY_DIGEST","label":"in der wöchentlichen Zusammenfassung"},{"value":"NEVER","label":"gar nicht"}],
                 "withdrawn":%s}"""
                .formatted(email == null ? "null" : "\"" + email + "\"", agendas, withdrawn);
    }

    private void settingsAre(String json) {
        apis.get("/api/me/notification-settings", json);
    }

    /** The view changes once the command side received a {@code PUT} to this path, as the projection would follow. */
    private void settingsChangeAfter(String path, String before, String after) {
        apis.on("GET", "/api/me/notification-settings",
                () -> new StubApi.Answer(200, apis.hasReceived("PUT", path) ? after : before));
    }

    private String page(SignedInUser who) throws Exception {
        return mvc.perform(get("/benachrichtigungen").with(as(who))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aMemberSeesTheirAddressAndOneGroupOfRadiosPerKindWithTheirChoiceChecked() throws Exception {
        settingsAre(settings("maria.mueller@magdeburg.de", "WEEKLY_DIGEST", false));

        String html = page(MITGLIED);

        assertThat(html).contains("<h1>Benachrichtigungen</h1>").contains("<title>Benachrichtigungen – Gremium</title>");
        assertThat(Html.tag(html, "feld-email")).contains("value=\"maria.mueller@magdeburg.de\"").contains("type=\"email\"");
        assertThat(Html.text(html, "gruppe-AGENDAS")).startsWith("Tagesordnungen Die Tagesordnung vor der Sitzung.")
                .contains("sofort").contains("in der wöchentlichen Zusammenfassung").contains("gar nicht");
        assertThat(html).contains("<legend>Terminumfragen</legend>").contains("<legend>Protokolle</legend>");
        assertThat(Html.tag(html, "feld-deliveries[AGENDAS]-WEEKLY_DIGEST")).contains("checked").contains("name=\"deliveries[AGENDAS]\"");
        assertThat(Html.tag(html, "feld-deliveries[AGENDAS]")).doesNotContain("checked");
        assertThat(Html.tag(html, "feld-deliveries[MINUTES]-NEVER")).contains("checked");
        assertThat(Html.tag(html, "gruppe-AGENDAS")).contains("aria-describedby=\"hilfe-AGENDAS\"");
        assertThat(html).contains("href=\"/benachrichtigungen\" aria-current=\"page\">Benachrichtigungen</a>")
                .doesNotContain("Postausgang").doesNotContain("id=\"keine-adresse\"");
        // two forms, two commands: each has a key of its own (one key for both would be refused as reused)
        java.util.regex.Matcher keys = java.util.regex.Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(html);
        assertThat(keys.find()).isTrue();
        String first = keys.group(1);
        assertThat(keys.find()).isTrue();
        assertThat(keys.group(1)).isNotEqualTo(first);
    }

    @Test
    void aMemberWithoutAddressIsToldThatTheyGetNoEmails() throws Exception {
        settingsAre(settings(null, "IMMEDIATELY", false));

        String html = page(MITGLIED);

        assertThat(Html.text(html, "keine-adresse")).contains("Ohne Adresse erhalten Sie keine E-Mails.");
        assertThat(Html.tag(html, "feld-email")).contains("value=\"\"");
    }

    @Test
    void aChangedAddressIsSentToTheCommandSideAndConfirmedOnceTheViewShowsIt() throws Exception {
        settingsChangeAfter("/api/members/m.mueller/email", settings("alt@magdeburg.de", "IMMEDIATELY", false),
                settings("maria.mueller@magdeburg.de", "IMMEDIATELY", false));
        apis.on("PUT", "/api/members/m.mueller/email", 204, null);

        mvc.perform(post("/benachrichtigungen/adresse").with(as(MITGLIED)).with(csrf())
                        .param("email", "  maria.mueller@magdeburg.de ").param("idempotencyKey", "k-1"))
                .andExpect(redirectedUrl("/benachrichtigungen"))
                .andExpect(flash().attribute("erfolg", "Ihre E-Mail-Adresse ist gespeichert."));

        StubApi.Received sent = apis.received("PUT", "/api/members/m.mueller/email").get(0);
        assertThat(sent.body()).isEqualTo("{\"email\":\"maria.mueller@magdeburg.de\"}");
        assertThat(sent.idempotencyKey()).isEqualTo("k-1");
    }

    @Test
    void anEmptiedAddressIsSentAsNoAddressAndTheConfirmationSaysNoMoreEmailsCome() throws Exception {
        settingsChangeAfter("/api/members/m.mueller/email", settings("alt@magdeburg.de", "IMMEDIATELY", false),
                settings(null, "IMMEDIATELY", false));
        apis.on("PUT", "/api/members/m.mueller/email", 204, null);

        mvc.perform(post("/benachrichtigungen/adresse").with(as(MITGLIED)).with(csrf()).param("email", " "))
                .andExpect(redirectedUrl("/benachrichtigungen"))
                .andExpect(flash().attribute("erfolg", "Ihre E-Mail-Adresse ist entfernt. Sie erhalten keine E-Mails mehr."));

        assertThat(apis.received("PUT", "/api/members/m.mueller/email").get(0).body()).isEqualTo("{\"email\":null}");
    }

    @Test
    void aRefusedAddressIsShownBesideTheFieldInGermanWithTheTypedTextKept() throws Exception {
        settingsAre(settings("alt@magdeburg.de", "WEEKLY_DIGEST", false));
        apis.refuse("PUT", "/api/members/m.mueller/email", 400, "validation-failed", "email",
                "must be the address alone, without a name or angle brackets, such as vorname.nachname@magdeburg.de");

        String html = mvc.perform(post("/benachrichtigungen/adresse").with(as(MITGLIED)).with(csrf()).param("email", "Maria <maria@magdeburg.de>"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(Html.text(html, "fehler-email")).isEqualTo("Fehler: „E-Mail-Adresse“ ist keine gültige E-Mail-Adresse. "
                + "Bitte geben Sie nur die Adresse an, zum Beispiel vorname.nachname@magdeburg.de: ohne Namen davor, "
                + "ohne Leerzeichen und ohne Umlaute.");
        assertThat(Html.tag(html, "feld-email")).contains("value=\"Maria &lt;maria@magdeburg.de&gt;\"").contains("aria-invalid=\"true\"")
                .contains("aria-describedby=\"fehler-email hilfe-email\"");
        assertThat(Html.text(html, "fehlerliste")).contains("keine gültige E-Mail-Adresse");
        assertThat(html).contains("href=\"#feld-email\"").contains("<title>Fehler: Benachrichtigungen – Gremium</title>");
        // the other form still shows what is stored
        assertThat(Html.tag(html, "feld-deliveries[AGENDAS]-WEEKLY_DIGEST")).contains("checked");
    }

    @Test
    void chosenSettingsAreSentForEveryKindAndConfirmedOnceTheViewShowsThem() throws Exception {
        settingsChangeAfter("/api/members/m.mueller/notification-settings", settings("m@magdeburg.de", "IMMEDIATELY", false),
                settings("m@magdeburg.de", "NEVER", false));
        apis.on("PUT", "/api/members/m.mueller/notification-settings", 204, null);

        mvc.perform(post("/benachrichtigungen/einstellungen").with(as(MITGLIED)).with(csrf())
                        .param("deliveries[SCHEDULING_POLLS]", "IMMEDIATELY").param("deliveries[AGENDAS]", "NEVER")
                        .param("deliveries[MINUTES]", "NEVER").param("idempotencyKey", "k-2"))
                .andExpect(redirectedUrl("/benachrichtigungen"))
                .andExpect(flash().attribute("erfolg", "Ihre Einstellungen sind gespeichert."));

        StubApi.Received sent = apis.received("PUT", "/api/members/m.mueller/notification-settings").get(0);
        assertThat(JSON.readTree(sent.body())).isEqualTo(JSON.readTree(
                "{\"deliveries\":{\"SCHEDULING_POLLS\":\"IMMEDIATELY\",\"AGENDAS\":\"NEVER\",\"MINUTES\":\"NEVER\"}}"));
        assertThat(sent.idempotencyKey()).isEqualTo("k-2");
    }

    @Test
    void aRefusedKindIsShownBesideItsGroupOfRadiosWithTheChoiceKept() throws Exception {
        settingsAre(settings("m@magdeburg.de", "IMMEDIATELY", false));
        apis.refuse("PUT", "/api/members/m.mueller/notification-settings", 400, "validation-failed", "deliveries.AGENDAS",
                "must be one of IMMEDIATELY, WEEKLY_DIGEST, NEVER");

        String html = mvc.perform(post("/benachrichtigungen/einstellungen").with(as(MITGLIED)).with(csrf())
                        .param("deliveries[SCHEDULING_POLLS]", "NEVER").param("deliveries[AGENDAS]", "SOMETIMES")
                        .param("deliveries[MINUTES]", "WEEKLY_DIGEST"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(Html.text(html, "fehler-AGENDAS"))
                .isEqualTo("Fehler: Bitte wählen Sie für „Tagesordnungen“ einen der angebotenen Werte.");
        assertThat(Html.tag(html, "gruppe-AGENDAS")).contains("aria-describedby=\"fehler-AGENDAS hilfe-AGENDAS\"");
        assertThat(Html.tag(html, "feld-deliveries[AGENDAS]")).contains("aria-invalid=\"true\"");
        assertThat(html).contains("href=\"#feld-deliveries[AGENDAS]\"");
        assertThat(Html.has(html, "fehler-MINUTES")).isFalse();
        assertThat(Html.tag(html, "feld-deliveries[SCHEDULING_POLLS]-NEVER")).contains("checked");
        assertThat(Html.tag(html, "feld-deliveries[MINUTES]-WEEKLY_DIGEST")).contains("checked");
    }

    @Test
    void aWithdrawnMemberIsToldWhyTheyCannotChooseAndGetsNoForm() throws Exception {
        settingsAre(settings("m@magdeburg.de", "IMMEDIATELY", true));

        String html = page(MITGLIED);

        assertThat(Html.text(html, "ausgeschieden")).contains("Sie sind aus der Projektgruppe ausgeschieden.");
        assertThat(html).doesNotContain("<form action=\"/benachrichtigungen").doesNotContain("id=\"feld-email\"");
    }

    @Test
    void aPersonWithoutMembershipIsToldWhyAndTheirPostReachesNoApi() throws Exception {
        apis.refuse("GET", "/api/me/notification-settings", 404, "not-found", null, "no member b.buero");

        String html = page(BUERO);
        assertThat(Html.text(html, "kein-mitglied")).contains("Sie sind nicht als Mitglied der Projektgruppe eingetragen.");
        assertThat(html).doesNotContain("<form action=\"/benachrichtigungen");

        mvc.perform(post("/benachrichtigungen/adresse").with(as(BUERO)).with(csrf()).param("email", "b@magdeburg.de"))
                .andExpect(status().isForbidden());
        assertThat(apis.received().stream().filter(r -> r.method().equals("PUT"))).isEmpty();
    }

    @Test
    void aRefusalWithoutFieldIsShownAboveTheFormWithTheTypedAddressKept() throws Exception {
        settingsAre(settings("m@magdeburg.de", "IMMEDIATELY", false));
        apis.refuse("PUT", "/api/members/m.mueller/email", 403, "forbidden", null, "A member changes only their own address and settings.");

        String html = mvc.perform(post("/benachrichtigungen/adresse").with(as(MITGLIED)).with(csrf()).param("email", "neu@magdeburg.de"))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();

        assertThat(Html.text(html, "fehlerliste")).contains("Ihre Rolle erlaubt diese Aktion nicht.");
        assertThat(Html.tag(html, "feld-email")).contains("value=\"neu@magdeburg.de\"");
    }
}
