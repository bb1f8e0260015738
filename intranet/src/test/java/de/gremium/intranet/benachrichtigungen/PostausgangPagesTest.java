package de.gremium.intranet.benachrichtigungen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.gremium.intranet.Html;
import de.gremium.intranet.PageTest;
import de.gremium.intranet.StubApi;
import de.gremium.intranet.signin.SignedInUser;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostausgangPagesTest extends PageTest {

    static final SignedInUser KOORDINATION = new SignedInUser("k.koch", "Karl Koch", List.of("MEMBER", "COORDINATOR"));
    static final SignedInUser MITGLIED = new SignedInUser("m.mueller", "Maria Müller", List.of("MEMBER"));

    private final StubApi apis = API;

    static final String HELD_INVITATION = """
            {"id":42,"kind":"MEETING_INVITATIONS","kindLabel":"Einladungen zu Sitzungen","recipientId":"m.mueller",
             "recipientName":"Maria Müller","recipientAddress":"maria.mueller@magdeburg.example","delivery":"IMMEDIATELY",
             "subject":"Einladung: Sitzung Q1/2027 am 14.01.2027","status":"HELD","statusLabel":"nicht versandt (kein SMTP-Server)",
             "attempts":0,"nextAttemptAt":"2026-12-07T09:00:00Z","lastError":"kein SMTP-Server eingerichtet",
             "createdAt":"2026-12-07T09:00:00Z","sentAt":null,"invitation":true}""";

    static final String FAILED_TO_GUEST = """
            {"id":41,"kind":"MINUTES","kindLabel":"Protokolle","recipientId":"guest:g-1","recipientName":"Gustav Gast",
             "recipientAddress":"gustav@verein.example","delivery":"IMMEDIATELY","subject":"Protokoll der Sitzung Q4/2026",
             "status":"FAILED","statusLabel":"fehlgeschlagen","attempts":8,"nextAttemptAt":"2026-12-06T12:00:00Z",
             "lastError":"550 mailbox unavailable","createdAt":"2026-12-05T08:30:00Z","invitation":false}""";

    static final String SENT_DIGEST = """
            {"id":40,"kind":"DIGEST","recipientId":"k.koch","recipientName":"Karl Koch",
             "recipientAddress":"karl.koch@magdeburg.example","delivery":"IMMEDIATELY","subject":"Ihre Woche in Gremium",
             "status":"SENT","statusLabel":"gesendet","attempts":1,"nextAttemptAt":"2026-12-04T07:00:00Z",
             "createdAt":"2026-12-04T07:00:00Z","sentAt":"2026-12-04T07:00:05Z","invitation":false}""";

    static String outbox(int page, int totalPages, long total, String... items) {
        return """
                {"counts":{"PENDING":2,"SENDING":0,"SENT":1250,"FAILED":1,"HELD":3},
                 "items":[%s],
                 "pagination":{"totalElements":%d,"elementsPerPage":25,"currentPage":%d,"totalPages":%d}}"""
                .formatted(String.join(",", items), total, page, totalPages);
    }

    private String html(String uri, SignedInUser who, int status) throws Exception {
        return mvc.perform(get(uri).with(as(who))).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theCoordinatorSeesTheCountsAndTheLettersNewestFirstWithGermanStatusWords() throws Exception {
        apis.get("/api/notifications/outbox", outbox(1, 1, 3, HELD_INVITATION, FAILED_TO_GUEST, SENT_DIGEST));

        String html = html("/postausgang", KOORDINATION, 200);

        assertThat(html).contains("<h1>Postausgang</h1>")
                .contains("href=\"/postausgang\" aria-current=\"page\">Postausgang</a>");
        assertThat(apis.requests()).contains("/api/notifications/outbox?page=1&size=25");
        assertThat(Html.text(html, "anzahlen")).isEqualTo("E-Mails nach Status Status Anzahl wartet 2 wird gesendet 0 "
                + "gesendet 1.250 fehlgeschlagen 1 nicht versandt (kein SMTP-Server) 3 in Zusammenfassung 0");
        String table = Html.text(html, "briefe");
        assertThat(table).startsWith("E-Mails, neueste zuerst: 3 insgesamt, Seite 1 von 1").containsSubsequence(
                "07.12.2026, 10:00 Uhr", "Einladung: Sitzung Q1/2027 am 14.01.2027 (mit Kalendereinladung)",
                "Maria Müller maria.mueller@magdeburg.example", "Einladungen zu Sitzungen", "sofort",
                "nicht versandt (kein SMTP-Server)", "Grund: kein SMTP-Server eingerichtet",
                "05.12.2026, 09:30 Uhr", "Protokoll der Sitzung Q4/2026", "Gustav Gast (Gast)", "fehlgeschlagen", "8 Versuche",
                "Grund: 550 mailbox unavailable",
                "Ihre Woche in Gremium", "Wöchentliche Zusammenfassung", "gesendet", "04.12.2026, 08:00 Uhr");
        assertThat(html).contains("href=\"/postausgang/42\"").contains("<th scope=\"col\">Status</th>");
    }

    @Test
    void theStatusFilterIsPassedOnShownAsChosenAndKeptWhenPaging() throws Exception {
        apis.get("/api/notifications/outbox", outbox(2, 3, 51, FAILED_TO_GUEST));

        String html = html("/postausgang?status=FAILED&seite=2", KOORDINATION, 200);

        assertThat(apis.requests()).contains("/api/notifications/outbox?status=FAILED&page=2&size=25");
        assertThat(html).contains("<option value=\"FAILED\" selected=\"selected\">fehlgeschlagen</option>")
                .contains("href=\"/postausgang?seite=1&amp;status=FAILED\"").contains("href=\"/postausgang?seite=3&amp;status=FAILED\"");
        assertThat(Html.text(html, "briefe")).startsWith("E-Mails, neueste zuerst, Status „fehlgeschlagen“: 51 insgesamt, Seite 2 von 3");
    }

    @Test
    void anUnknownStatusOrPageIsNotPassedOnAndAnEmptyOutboxSaysSo() throws Exception {
        apis.get("/api/notifications/outbox", """
                {"counts":{},"items":[],"pagination":{"totalElements":0,"elementsPerPage":25,"currentPage":1,"totalPages":1}}""");

        String html = html("/postausgang?status=BOGUS&seite=x", KOORDINATION, 200);

        assertThat(apis.requests()).contains("/api/notifications/outbox?page=1&size=25");
        assertThat(Html.text(html, "keine-briefe")).isEqualTo("Der Postausgang ist leer.");
        assertThat(Html.text(html, "anzahlen")).contains("wartet 0");
    }

    @Test
    void aLetterNotYetSentShowsItsPlainTextAndThatItCarriesAnInvitation() throws Exception {
        apis.get("/api/notifications/outbox/42", HELD_INVITATION.replace("\"invitation\":true", """
                "invitation":true,"text":"Guten Tag Maria Müller,\\n\\ndie Sitzung Q1/2027 ist am 14.01.2027 um 16:00 Uhr.",
                "html":"<p>Guten Tag</p>","calendar":"BEGIN:VCALENDAR\\r\\nMETHOD:REQUEST\\r\\nEND:VCALENDAR\\r\\n\""""));

        String html = html("/postausgang/42", KOORDINATION, 200);

        assertThat(html).contains("<h1>Einladung: Sitzung Q1/2027 am 14.01.2027</h1>")
                .contains("<title>Postausgang: Einladung: Sitzung Q1/2027 am 14.01.2027 – Gremium</title>");
        assertThat(Html.text(html, "angaben")).containsSubsequence("Status nicht versandt (kein SMTP-Server)",
                "Art Einladungen zu Sitzungen", "Empfänger Maria Müller , maria.mueller@magdeburg.example",
                "Kalendereinladung ja: Einladung (neuer oder geänderter Termin)", "Erstellt 07.12.2026, 10:00 Uhr",
                "Letzter Fehler kein SMTP-Server eingerichtet");
        assertThat(Html.text(html, "brieftext")).isEqualTo(
                "Guten Tag Maria Müller, die Sitzung Q1/2027 ist am 14.01.2027 um 16:00 Uhr.");
        assertThat(html).contains("Guten Tag Maria Müller,\n\ndie Sitzung").doesNotContain("<p>Guten Tag</p>");
        assertThat(Html.text(html, "kalender")).contains("METHOD:REQUEST");
        assertThat(html).contains("Maria Müller</span>,"); // no space before the comma
    }

    @Test
    void aSentLetterSaysWhyItsTextIsNoLongerThere() throws Exception {
        apis.get("/api/notifications/outbox/40", SENT_DIGEST);

        String html = html("/postausgang/40", KOORDINATION, 200);

        assertThat(Html.text(html, "kein-text")).startsWith("Der Text ist nicht mehr gespeichert");
        assertThat(Html.text(html, "angaben")).contains("Gesendet 04.12.2026, 08:00 Uhr").contains("Kalendereinladung nein")
                .contains("Art Wöchentliche Zusammenfassung");
        assertThat(Html.has(html, "kalender")).isFalse();
    }

    @Test
    void aLetterThatIsNotThereIsNotFound() throws Exception {
        apis.refuse("GET", "/api/notifications/outbox/99", 404, "not-found", null, "no letter 99");

        assertThat(html("/postausgang/99", KOORDINATION, 404)).contains("Diese E-Mail gibt es im Postausgang nicht (mehr).");
        html("/postausgang/abc", KOORDINATION, 404);
        assertThat(apis.requests()).containsExactly("/api/notifications/outbox/99");
    }

    @Test
    void aMemberGetsTheRefusalPageAndNoLinkToTheOutbox() throws Exception {
        String html = html("/postausgang", MITGLIED, 403);
        assertThat(html).contains("Den Postausgang sieht nur die Koordination der Projektgruppe.")
                .doesNotContain("href=\"/postausgang\"");
        html("/postausgang/42", MITGLIED, 403);
        assertThat(apis.requests()).isEmpty();
    }
}
