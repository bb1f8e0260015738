package de.gremium.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Text that a person can type: no control characters but tab, line feed and carriage return. NUL (U+0000)
 * cannot be stored in a PostgreSQL text value at all, and the others (a vertical tab pasted from a word
 * processor, an escape) break the feeds and exports that show the text. Checked where text enters: every string
 * of a JSON request body ({@link #module()}, on the web's JSON reader only, never on how stored events are read)
 * and every query parameter and the path ({@link ControlCharacterFilter}).
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The first control character of {@code text} that is not allowed, or -1. */
    public static int firstForbidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return c;
            }
        }
        return -1;
    }

    /** Why the text is refused, naming the character as U+XXXX. */
    public static String reason(int character) {
        return String.format("contains the control character U+%04X; text may hold tab, line feed and carriage return "
                + "but no other control character", character);
    }

    /** Refuses such strings in JSON request bodies, naming the field (as every other invalid value). */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("gremium-control-characters");
        module.addDeserializer(String.class, new CheckedStrings());
        return module;
    }

    private static final class CheckedStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            int forbidden = value == null ? -1 : firstForbidden(value);
            if (forbidden >= 0) {
                throw JsonMappingException.from(parser, reason(forbidden));
            }
            return value;
        }
    }
}
