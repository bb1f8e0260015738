package de.gremium.query.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one rule for stored text in documents other programs parse: which characters go, which become line breaks. */
class OutputTextTest {

    @Test
    void lineTabulationFormFeedAndEveryCarriageReturnBecomeALineFeed() {
        assertThat(OutputText.printable("eins\u000Bzwei\u000Cdrei\r\nvier\rfünf\nsechs")).isEqualTo("eins\nzwei\ndrei\nvier\nfünf\nsechs");
    }

    @Test
    void otherControlCharactersLoneSurrogatesAndNonCharactersAreDropped() {
        assertThat(OutputText.printable("\u0000a\u0001b\u001Fc\u007Fd\u0085e\u009Ff\uD800g\uDC00h\uFFFEi\uFFFF"))
                .isEqualTo("abcdefghi");
    }

    @Test
    void tabsUmlautsQuotesMarkupAndPairsOfSurrogatesStayAsTheyAre() {
        String text = "\tÄrger über Öffnungszeiten <b>&amp;</b> \"=SUMME(A1)\" \uD83D\uDE00 \u2028 \uFEFF";
        assertThat(OutputText.printable(text)).isSameAs(text);
        assertThat(OutputText.printable(null)).isNull();
    }
}
