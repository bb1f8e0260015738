package de.gremium.platform.calendar;

/**
 * Folding of iCalendar content lines by octets (RFC 5545, 3.1): ical4j folds by characters, and an umlaut is two
 * octets in UTF-8. The feed (query side) and the e-mailed invitations (command side) fold the same way.
 */
public final class IcsLines {

    /** The longest physical line, in octets, without its line break. */
    public static final int LINE_OCTETS = 75;

    private IcsLines() {
    }

    /**
     * The content lines of an iCalendar text, unfolded, then folded again so that no physical line is longer than
     * {@value #LINE_OCTETS} octets in UTF-8: a continuation starts with one space, and a fold falls between two code
     * points, never inside one's UTF-8 sequence (nor between the two halves of a surrogate pair).
     */
    public static String foldedByOctets(String ics) {
        String unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 32);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = utf8Octets(codePoint);
                if (octets + size > LINE_OCTETS) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static int utf8Octets(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
