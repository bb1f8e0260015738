package de.gremium.query.report;

import de.gremium.query.api.OutputText;
import de.gremium.query.report.ReportDocument.Block;
import de.gremium.query.report.ReportDocument.Heading;
import de.gremium.query.report.ReportDocument.Items;
import de.gremium.query.report.ReportDocument.Paragraph;
import java.util.regex.Pattern;

/**
 * The report as CommonMark. Every text is escaped: the characters that start emphasis, code, links,
 * headings, tables or raw HTML ({@code \ ` * _ [ ] < > # | ~ &}) get a backslash, and so does a list
 * marker at the start of a paragraph, so that no title can change the document's structure or smuggle
 * HTML into a renderer. Control characters are dropped or become line breaks ({@link OutputText#printable}).
 */
final class ReportMarkdown {

    private static final String SPECIAL = "\\`*_[]<>#|~&";
    private static final Pattern ORDERED_MARKER = Pattern.compile("^(\\d+)([.)])");

    private ReportMarkdown() {
    }

    static String render(ReportDocument document) {
        StringBuilder out = new StringBuilder("# ").append(escape(document.title())).append("\n");
        for (Block block : document.blocks()) {
            out.append('\n');
            if (block instanceof Heading h) {
                out.append("#".repeat(h.level())).append(' ').append(escape(h.text())).append('\n');
            } else if (block instanceof Paragraph p) {
                out.append(escapeLineStart(escape(p.text()))).append('\n');
            } else if (block instanceof Items list) {
                list.items().forEach(item -> out.append("- ").append(escape(item)).append('\n'));
            }
        }
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : OutputText.printable(text).toCharArray()) {
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String escapeLineStart(String text) {
        if (text.startsWith("-") || text.startsWith("+") || text.startsWith("=")) {
            return "\\" + text;
        }
        return ORDERED_MARKER.matcher(text).replaceFirst("$1\\\\$2");
    }
}
