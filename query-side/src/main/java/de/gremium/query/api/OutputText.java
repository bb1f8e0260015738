package de.gremium.query.api;

/**
 * Stored text made safe for the documents the query side writes for other programs' parsers: the Atom feed (XML 1.0),
 * the iCalendar feed (RFC 5545) and the advisory-council report in HTML and Markdown. XML 1.0 allows no C0 control
 * but tab, line feed and carriage return, not even as a character reference, and RFC 5545 allows none in a text
 * value, so one text that came in with such a character (a word processor pastes U+000B for a manual line break)
 * would make every reader's document unreadable. Applied when a document is written, so that events stored before
 * the command side refused such characters cannot break it either.
 */
public final class OutputText {

    private OutputText() {
    }

    /**
     * The text with every line break as a line feed: CR LF, a lone CR, line tabulation (U+000B) and form feed
     * (U+000C, a page break) become LF. Dropped: every other control character (U+0000 to U+001F but tab, U+007F
     * to U+009F), a surrogate without its pair, and the non-characters U+FFFE and U+FFFF. Everything else, umlauts
     * and characters beyond the BMP included, is kept as it is. Null stays null.
     */
    public static String printable(String text) {
        if (text == null || isPrintable(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\u000B' || c == '\u000C') {
                out.append('\n');
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (keeps(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isPrintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (c == '\r' || !keeps(c)) {
                return false;
            }
        }
        return true;
    }

    /** A character that stays as it is (a surrogate here is one without its pair). */
    private static boolean keeps(char c) {
        if (c == '\t' || c == '\n') {
            return true;
        }
        return !Character.isISOControl(c) && !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
    }
}
