package de.gremium.command.notification;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.events.group.NotificationDelivery;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A letter's two renderings: every value escaped in the HTML, the footer for members and for guests, a safe subject. */
class LettersTest {

    private static final String SETTINGS_URL = "https://intranet.example/benachrichtigungen";
    private static final Recipient MEMBER = new Recipient("anna.amt50", "Anna <script>alert(1)</script>", "anna@example.org",
            NotificationDelivery.IMMEDIATELY, null);
    private static final Recipient GUEST = new Recipient("guest:g1", "Dr. Gast", "gast@example.org",
            NotificationDelivery.IMMEDIATELY, "Sondersitzung: Sprache & Arbeit");

    @Test
    void everyValueIsEscapedInTheHtmlAndKeptAsWrittenInThePlainText() {
        Letter.Draft draft = new Letter("Titel \"<b>\"").paragraph("Bericht <Kita> & \"Schule\"")
                .items(List.of("Punkt <1>")).link("Zur <Sitzung>", "https://intranet.example/sitzungen/a\"b").to(MEMBER, SETTINGS_URL);

        assertThat(draft.html()).contains("Anna &lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("Bericht &lt;Kita&gt; &amp; &quot;Schule&quot;").contains("<li>Punkt &lt;1&gt;</li>")
                .contains("href=\"https://intranet.example/sitzungen/a&quot;b\"").doesNotContain("<script>").doesNotContain("<img");
        assertThat(draft.text()).contains("Guten Tag Anna <script>alert(1)</script>,").contains("Bericht <Kita> & \"Schule\"")
                .contains("- Punkt <1>");
    }

    @Test
    void aMemberIsShownTheSettingsAndAGuestIsToldWhyTheyGetIt() {
        Letter letter = new Letter("Einladung").paragraph("Text");

        assertThat(letter.to(MEMBER, SETTINGS_URL).text()).contains("Meine Benachrichtigungen: " + SETTINGS_URL);
        assertThat(letter.to(MEMBER, SETTINGS_URL).html()).contains("<a href=\"" + SETTINGS_URL + "\">");
        assertThat(letter.to(GUEST, SETTINGS_URL).text()).contains("als Gast zur Sondersitzung: Sprache & Arbeit eingeladen")
                .doesNotContain(SETTINGS_URL);
        assertThat(letter.to(new Recipient("guest:g2", null, "g@example.org", NotificationDelivery.IMMEDIATELY, "Sitzung"),
                SETTINGS_URL).text()).startsWith("Guten Tag,\n");
    }

    @Test
    void aSubjectIsOneLineWithoutControlCharactersAndNotTooLong() {
        String subject = new Letter("Abgesagt:\r\nBcc: alle@example.org\u0007" + "x".repeat(600)).to(MEMBER, SETTINGS_URL).subject();

        assertThat(subject).doesNotContain("\r").doesNotContain("\n").doesNotContain("\u0007").startsWith("Abgesagt: Bcc:");
        assertThat(subject).hasSizeLessThanOrEqualTo(Letter.SUBJECT_MAX);
    }

    @Test
    void anAddressThatIsNoneBlankErasedOrNoPlainAddressGetsNothing() {
        assertThat(Addresses.usable("anna.becker@magdeburg.example")).isTrue();
        assertThat(List.of("", " ", "gelöschte Person", "Anna <anna@example.org>", "anna", "anna@", "a b@example.org",
                "x".repeat(250) + "@example.org")).noneMatch(Addresses::usable);
        assertThat(Addresses.usable(null)).isFalse();
    }
}
