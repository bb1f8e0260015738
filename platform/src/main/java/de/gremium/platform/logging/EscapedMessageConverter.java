package de.gremium.platform.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * A log message with its line breaks and other control characters written as escapes ({@code \n}, {@code \r},
 * {@code \u001b}): whatever text a client put into an id, a path or a field, it cannot start a line of its own, and
 * a forged line cannot pass for the service's.
 */
public final class EscapedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return escape(super.convert(event));
    }

    static String escape(String message) {
        if (message == null || message.chars().noneMatch(EscapedMessageConverter::needsEscape)) {
            return message;
        }
        StringBuilder escaped = new StringBuilder(message.length() + 16);
        message.chars().forEach(c -> {
            if (c == '\n') {
                escaped.append("\\n");
            } else if (c == '\r') {
                escaped.append("\\r");
            } else if (needsEscape(c)) {
                escaped.append(String.format("\\u%04x", c));
            } else {
                escaped.append((char) c);
            }
        });
        return escaped.toString();
    }

    /** Control characters (tab aside), and the separators some log viewers break lines at. */
    private static boolean needsEscape(int c) {
        return (Character.isISOControl(c) && c != '\t') || c == '\u2028' || c == '\u2029';
    }
}
