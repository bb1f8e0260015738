package de.gremium.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The examples of RFC 3986, section 5.4, resolved against its base URI "http://a/b/c/d;p?q". */
class UriReferencesTest {

    static final URI BASE = URI.create("http://a/b/c/d;p?q");

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            g:h           | g:h
            g             | http://a/b/c/g
            ./g           | http://a/b/c/g
            g/            | http://a/b/c/g/
            /g            | http://a/g
            //g           | http://g
            ?y            | http://a/b/c/d;p?y
            g?y           | http://a/b/c/g?y
            #s            | http://a/b/c/d;p?q#s
            g#s           | http://a/b/c/g#s
            g?y#s         | http://a/b/c/g?y#s
            ;x            | http://a/b/c/;x
            g;x           | http://a/b/c/g;x
            g;x?y#s       | http://a/b/c/g;x?y#s
            ''            | http://a/b/c/d;p?q
            .             | http://a/b/c/
            ./            | http://a/b/c/
            ..            | http://a/b/
            ../           | http://a/b/
            ../g          | http://a/b/g
            ../..         | http://a/
            ../../        | http://a/
            ../../g       | http://a/g
            """)
    void theNormalExamplesOfSection541Resolve(String reference, String target) throws Exception {
        assertThat(UriReferences.resolve(BASE, reference)).hasToString(target);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ../../../g    | http://a/g
            ../../../../g | http://a/g
            /./g          | http://a/g
            /../g         | http://a/g
            g.            | http://a/b/c/g.
            .g            | http://a/b/c/.g
            g..           | http://a/b/c/g..
            ..g           | http://a/b/c/..g
            ./../g        | http://a/b/g
            ./g/.         | http://a/b/c/g/
            g/./h         | http://a/b/c/g/h
            g/../h        | http://a/b/c/h
            g;x=1/./y     | http://a/b/c/g;x=1/y
            g;x=1/../y    | http://a/b/c/y
            g?y/./x       | http://a/b/c/g?y/./x
            g?y/../x      | http://a/b/c/g?y/../x
            g#s/./x       | http://a/b/c/g#s/./x
            g#s/../x      | http://a/b/c/g#s/../x
            http:g        | http:g
            """)
    void theAbnormalExamplesOfSection542Resolve(String reference, String target) throws Exception {
        assertThat(UriReferences.resolve(BASE, reference)).hasToString(target);
    }

    @Test
    void javasOwnResolutionGetsAQueryOnlyReferenceWrongWhichIsWhyItIsNotUsed() throws Exception {
        assertThat(BASE.resolve("?y")).hasToString("http://a/b/c/?y"); // RFC 2396's reading, not RFC 3986's
        assertThat(UriReferences.resolve(BASE, "?y")).hasToString("http://a/b/c/d;p?y");
    }

    @Test
    void aQueryOnlyReferenceOnAListPageKeepsTheListsPath() throws Exception {
        assertThat(UriReferences.resolve(URI.create("https://ris.example/oparl/body/1/meeting"), "?page=2"))
                .hasToString("https://ris.example/oparl/body/1/meeting?page=2");
        assertThat(UriReferences.resolve(URI.create("https://ris.example"), "?page=2"))
                .hasToString("https://ris.example?page=2");
        assertThat(UriReferences.resolve(URI.create("https://ris.example"), "meeting?page=2"))
                .hasToString("https://ris.example/meeting?page=2");
    }
}
