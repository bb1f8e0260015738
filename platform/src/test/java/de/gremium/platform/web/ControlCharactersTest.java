package de.gremium.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlCharactersTest {

    record Target(String indicatorId) {
    }

    record Measure(String title, List<Target> targets) {
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(ControlCharacters.module());

    @Test
    void tabsLineFeedsAndCarriageReturnsAreTextLikeAnyOtherCharacter() throws Exception {
        Measure read = json.readValue("{\"title\":\"Zeile 1\\r\\nZeile 2\\tEnde, Umlaute äöü und ß\",\"targets\":[]}",
                Measure.class);
        assertThat(read.title()).isEqualTo("Zeile 1\r\nZeile 2\tEnde, Umlaute äöü und ß");
    }

    @Test
    void aNulInANestedStringIsRefusedNamingItsPath() {
        assertThatThrownBy(() -> json.readValue("{\"title\":\"t\",\"targets\":[{\"indicatorId\":\"\\u0000SPR-01\"}]}",
                Measure.class))
                .isInstanceOfSatisfying(JsonMappingException.class, e -> {
                    assertThat(e.getOriginalMessage()).contains("U+0000");
                    assertThat(e.getPath()).extracting(JsonMappingException.Reference::getFieldName)
                            .containsExactly("targets", null, "indicatorId");
                });
    }

    @Test
    void everyOtherControlCharacterAndDeleteAreForbidden() {
        for (char c = 0; c < 0x20; c++) {
            boolean allowed = c == '\t' || c == '\n' || c == '\r';
            assertThat(ControlCharacters.firstForbidden("a" + c + "b")).as("U+%04X", (int) c).isEqualTo(allowed ? -1 : c);
        }
        assertThat(ControlCharacters.firstForbidden("a\u007Fb")).isEqualTo(0x7F);
        assertThat(ControlCharacters.firstForbidden("Sprachcafé – \uD83D\uDE00")).isEqualTo(-1);
    }

    @Test
    void theNoncharactersUfffeAndUffffAndHalvesOfASurrogatePairAloneAreForbiddenAsXmlForbidsThem() {
        assertThat(ControlCharacters.firstForbidden("a\uFFFEb")).isEqualTo(0xFFFE);
        assertThat(ControlCharacters.firstForbidden("a\uFFFF")).isEqualTo(0xFFFF);
        assertThat(ControlCharacters.firstForbidden("a\uD800b")).isEqualTo(0xD800);
        assertThat(ControlCharacters.firstForbidden("a\uD83D")).as("a high surrogate at the end").isEqualTo(0xD83D);
        assertThat(ControlCharacters.firstForbidden("\uDE00a")).as("a low surrogate first").isEqualTo(0xDE00);
        assertThat(ControlCharacters.firstForbidden("\uDE00\uD83D")).as("a pair in the wrong order").isEqualTo(0xDE00);
        assertThat(ControlCharacters.reason(0xFFFF)).contains("U+FFFF").contains("noncharacter");
        assertThat(ControlCharacters.reason(0xD800)).contains("U+D800").contains("surrogate");
    }

    @Test
    void aLoneSurrogateInAJsonStringIsRefusedNamingItsPath() {
        assertThatThrownBy(() -> json.readValue("{\"title\":\"t\\uD800\",\"targets\":[]}", Measure.class))
                .isInstanceOfSatisfying(JsonMappingException.class, e -> {
                    assertThat(e.getOriginalMessage()).contains("U+D800");
                    assertThat(e.getPath()).extracting(JsonMappingException.Reference::getFieldName).containsExactly("title");
                });
    }
}
