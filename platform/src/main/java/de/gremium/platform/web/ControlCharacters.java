package de.gremium.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Text that a person can type: no control characters but tab, line feed and carriage return, and no U+FFFE,
 * U+FFFF or lone half of a surrogate pair. NUL (U+0000)
 * cannot be stored in a PostgreSQL text value at all, and the others (a vertical tab pasted from a word
 * processor, an escape) break the feeds and exports that show the text. Checked where text enters: every string
 * of a JSON request body ({@link #module()}, on the web's JSON reader only, never on how stored events are read)
 * and every query parameter and the path ({@link ControlCharacterFilter}).
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /**
     * The first character of {@code text} that is not allowed, or -1: a control character other than tab, line
     * feed and carriage return, DEL, the noncharacters U+FFFE and U+FFFF, or half of a surrogate pair standing
     * alone (a JSON string may write one as {@code \\uD800}; it is no character, and UTF-8 cannot encode it).
     * What is left is what XML 1.0 allows as a character, so the Atom feed and every other output can hold it.
     */
    public static int firstForbidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || c == 0xFFFE || c == 0xFFFF) {
                return c;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a pair: one character beyond U+FFFF
            } else if (Character.isSurrogate(c)) {
                return c;
            }
        }
        return -1;
    }

    /** Why the text is refused, naming the character as U+XXXX. */
    public static String reason(int character) {
        if (character == 0xFFFE || character == 0xFFFF) {
            return String.format("contains the noncharacter U+%04X, which is no text", character);
        }
        if (Character.isSurrogate((char) character)) {
            return String.format("contains U+%04X, half of a surrogate pair without its other half, which is no text",
                    character);
        }
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
