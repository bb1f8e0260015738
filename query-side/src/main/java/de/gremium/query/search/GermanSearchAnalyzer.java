package de.gremium.query.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * German text as people type it: Lucene's {@link GermanAnalyzer} chain (standard tokenizer, lower case, stop words,
 * {@link GermanNormalizationFilter}, {@link GermanLightStemFilter}), with two changes. The umlauts and ß are
 * normalised before the stop words are removed, and the stop words are normalised the same way. So "Büro", "Buero"
 * and "buro" are one word ("buro"), "Straße" and "Strasse" too, and "fuer" is a stop word like "für"; with
 * {@link GermanAnalyzer}'s order "fuer" stays a word that no text indexed "für" contains, and a search for
 * "Kurse fuer Mütter", all of whose words must match, would find nothing. And the accents of other languages are
 * folded after the German normalisation ({@link ASCIIFoldingFilter}): "Café" and "Cafe", "Élysée" and "Elysee" are
 * one word, as names and loanwords are often typed without them.
 */
final class GermanSearchAnalyzer extends Analyzer {

    /** {@link GermanAnalyzer}'s stop words, normalised as the words they are compared with. */
    private static final CharArraySet STOP_WORDS = normalised(GermanAnalyzer.getDefaultStopSet());

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream result = new LowerCaseFilter(source);
        result = new GermanNormalizationFilter(result);
        result = new ASCIIFoldingFilter(result);
        result = new StopFilter(result, STOP_WORDS);
        result = new GermanLightStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new GermanNormalizationFilter(new LowerCaseFilter(in)));
    }

    private static CharArraySet normalised(CharArraySet words) {
        CharArraySet result = new CharArraySet(words.size(), false);
        Analyzer normaliser = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source,
                        new ASCIIFoldingFilter(new GermanNormalizationFilter(new LowerCaseFilter(source))));
            }
        };
        for (Object word : words) {
            String text = word instanceof char[] chars ? new String(chars) : word.toString();
            try (TokenStream stream = normaliser.tokenStream("", text)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    result.add(term.toString());
                }
                stream.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        normaliser.close();
        return CharArraySet.unmodifiableSet(result);
    }
}
