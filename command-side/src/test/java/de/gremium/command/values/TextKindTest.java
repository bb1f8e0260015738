package de.gremium.command.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.gremium.platform.refusal.Refusal;
import de.gremium.platform.web.ControlCharacters;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A text is checked once: the edge's constraint and the aggregates' guard give the same answer for the same reason. */
class TextKindTest {

    record Body(@ValidText(TextKind.TITLE) String title, @ValidText(value = TextKind.CONTACT, required = false) String contact,
            @ValidIndicatorCode String code) {
    }

    static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    static String edgeReason(Body body, String field) {
        return VALIDATOR.validate(body).stream().filter(v -> v.getPropertyPath().toString().equals(field))
                .map(v -> v.getMessage()).findFirst().orElse(null);
    }

    static String guardReason(Runnable guard) {
        try {
            guard.run();
            return null;
        } catch (Refusal.Invalid refused) {
            return refused.errors().get(0).reason();
        }
    }

    @Test
    void aBlankTitleIsRefusedAlikeAtTheEdgeAndInTheAggregateEvenWhenItsSpacesAreUnicodes() {
        for (String blank : new String[] {null, "", "   ", "\u2003"}) {
            Body body = new Body(blank, null, "SPR-01");

            assertThat(edgeReason(body, "title")).as("[" + blank + "]").isEqualTo("must not be blank");
            assertThat(guardReason(() -> TextKind.TITLE.require("title", blank))).isEqualTo("title must not be blank");
        }
    }

    @Test
    void aTextOverItsLimitIsRefusedAlikeAtTheEdgeAndInTheAggregate() {
        String title = "x".repeat(TextKind.TITLE.max() + 1);
        String contact = "x".repeat(TextKind.CONTACT.max() + 1);

        assertThat(edgeReason(new Body(title, null, "SPR-01"), "title")).isEqualTo("size must be between 1 and 200");
        assertThat(guardReason(() -> TextKind.TITLE.require("title", title))).isEqualTo("title size must be between 1 and 200");
        assertThat(edgeReason(new Body("t", contact, "SPR-01"), "contact")).isEqualTo("size must be between 0 and 500");
        assertThat(guardReason(() -> TextKind.CONTACT.optional("contact", contact)))
                .isEqualTo("contact size must be between 0 and 500");
    }

    @Test
    void aTextWithinItsLimitPassesBoth() {
        String title = "x".repeat(TextKind.TITLE.max());

        assertThat(VALIDATOR.validate(new Body(title, null, "SPR-01"))).isEmpty();
        assertThat(TextKind.TITLE.require("title", title)).isEqualTo(title);
        assertThat(TextKind.CONTACT.optional("contact", null)).isNull();
    }

    @Test
    void anIndicatorCodeIsCheckedAlikeAtTheEdgeAndInTheAggregate() {
        assertThat(edgeReason(new Body("t", null, "spr-1"), "code")).startsWith("must be 2 to 6 capital letters");
        assertThatThrownBy(() -> IndicatorCode.require("code", "spr-1")).isInstanceOf(Refusal.Invalid.class)
                .hasMessageContaining("2 to 6 capital letters");
        assertThat(IndicatorCode.require("code", "SPR-01")).isEqualTo("SPR-01");
    }

    @Test
    void aTextWithAControlCharacterANoncharacterOrALoneSurrogateIsRefusedAlikeAtTheEdgeAndInTheAggregate() {
        for (String bad : new String[] {"a\u0000b", "a\u0001b", "a\u000Bb", "a\u000Cb", "a\u001Bb", "a\u007Fb", "a\uFFFEb",
                "a\uFFFFb", "a\uD800b", "a\uDC00", "\uDE00\uD83D"}) {
            String code = String.format("U+%04X", ControlCharacters.firstForbidden(bad));

            assertThat(edgeReason(new Body(bad, null, "SPR-01"), "title")).as(code).contains(code);
            assertThat(guardReason(() -> TextKind.TITLE.require("title", bad))).as(code).startsWith("title ").contains(code);
            assertThat(guardReason(() -> TextKind.TEXT.optional("note", bad))).as(code).startsWith("note ").contains(code);
        }
    }

    @Test
    void tabsLineBreaksAndCharactersBeyondTheBasicPlaneAreText() {
        String text = "Zeile 1\r\nZeile 2\tStraße – \uD83D\uDE00";

        assertThat(VALIDATOR.validate(new Body(text, text, "SPR-01"))).isEmpty();
        assertThat(TextKind.TEXT.require("text", text)).isEqualTo(text);
    }
}
