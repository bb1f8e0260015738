package de.gremium.command.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.gremium.platform.refusal.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"anna.becker@magdeburg.example", "a@b.de", "buero.ob+sitzungen@magdeburg.de",
            "o'neil@stadt.magdeburg.de"})
    void aPlainAddressIsAnAddress(String value) {
        assertThat(EmailAddress.problem(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"anna.becker", "@magdeburg.de", "anna@", "anna@localhost", "anna@magdeburg.de.",
            "Anna Becker <anna@magdeburg.de>", "<anna@magdeburg.de>", "anna@magdeburg.de (Anna)", "anna becker@magdeburg.de",
            "anna@magdeburg.de, jonas@magdeburg.de", "anna@[192.168.0.1]", "jürgen@magdeburg.de", "anna@@magdeburg.de",
            " anna@magdeburg.de", "anna\u000b@magdeburg.de", " "})
    void whatIsNotAPlainAddressIsRefusedWithAReason(String value) {
        assertThat(EmailAddress.problem(value)).as(value).isPresent();
    }

    @Test
    void noAddressIsAcceptableWhereOneIsOptional() {
        assertThat(EmailAddress.problem(null)).isEmpty();
        assertThat(EmailAddress.optional("email", null)).isNull();
    }

    @Test
    void anAddressLongerThanAnSmtpPathIsRefused() {
        String local = "a".repeat(60);
        String domain = ("b".repeat(60) + ".").repeat(4) + "de"; // with the local part, 307 characters
        assertThat(EmailAddress.problem(local + "@" + domain)).hasValueSatisfying(p -> assertThat(p).contains("254"));
    }

    @Test
    void theEdgeDropsTheSpacesAroundAnAddressAndReadsBlankAsNone() {
        assertThat(EmailAddress.normalise("  anna@magdeburg.de \t")).isEqualTo("anna@magdeburg.de");
        assertThat(EmailAddress.normalise("   ")).isNull();
        assertThat(EmailAddress.normalise(null)).isNull();
    }

    @Test
    void theAggregatesGuardNamesTheField() {
        assertThatThrownBy(() -> EmailAddress.optional("guest.email", "nicht-da"))
                .isInstanceOfSatisfying(Refusal.Invalid.class, r -> assertThat(r.errors()).singleElement()
                        .satisfies(e -> assertThat(e.field()).isEqualTo("guest.email")));
    }
}
