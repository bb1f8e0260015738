package de.gremium.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The words the index keeps for German text as people type it. */
class GermanSearchAnalyzerTest {

    private final Analyzer analyzer = new GermanSearchAnalyzer();

    private List<String> terms(String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    @Test
    void anUmlautTypedAsUmlautAsTwoLettersOrAsTheBareVowelIsOneWord() throws IOException {
        assertThat(terms("Büro")).isEqualTo(terms("Buero")).isEqualTo(terms("buro")).isEqualTo(terms("BÜRO")).hasSize(1);
        assertThat(terms("Mütter")).isEqualTo(terms("Muetter")).isEqualTo(terms("mutter"));
        assertThat(terms("Größe")).isEqualTo(terms("Groesse"));
    }

    @Test
    void accentsOfOtherLanguagesMayBeLeftOut() throws IOException {
        assertThat(terms("Sprachcafé")).isEqualTo(terms("Sprachcafe"));
        assertThat(terms("Çelik Šimić")).isEqualTo(terms("Celik Simic"));
    }

    @Test
    void eszettAndDoubleSAreOneWord() throws IOException {
        assertThat(terms("Straße")).isEqualTo(terms("Strasse")).isEqualTo(terms("STRASSE")).hasSize(1);
    }

    @Test
    void inflectedFormsShareTheirStem() throws IOException {
        assertThat(terms("Sprachkurse")).isEqualTo(terms("Sprachkurs")).isEqualTo(terms("Sprachkursen"));
        assertThat(terms("Kinderbetreuung")).isEqualTo(terms("Kinderbetreuungen"));
        assertThat(terms("Sprachkurs")).isNotEqualTo(terms("Sprachcafé"));
    }

    @Test
    void stopWordsAreDroppedHoweverTheirUmlautsAreTyped() throws IOException {
        assertThat(terms("Kurse für Mütter")).isEqualTo(terms("Kurse fuer Muetter")).isEqualTo(terms("kurse fur mutter"))
                .hasSize(2);
        assertThat(terms("und die der")).isEmpty();
    }

    @Test
    void punctuationAndOperatorsOfOtherSearchEnginesAreNoWords() throws IOException {
        assertThat(terms("+Kita -(Plätze) AND \"Warteliste\"*~2")).containsExactlyElementsOf(terms("kita platze and warteliste 2"));
    }
}
