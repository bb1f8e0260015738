package de.gremium.query.report;

import de.gremium.query.api.OutputText;
import de.gremium.query.report.ReportDocument.Block;
import de.gremium.query.report.ReportDocument.Heading;
import de.gremium.query.report.ReportDocument.Items;
import de.gremium.query.report.ReportDocument.Paragraph;

/**
 * The report as a small HTML5 page that reads and prints well (a browser's "print to PDF" gives the
 * PDF). Every text is escaped ({@code & < > " '}); the page has no scripts, and the endpoint sends a
 * Content-Security-Policy that forbids them as well. Control characters are dropped or become line breaks
 * ({@link OutputText#printable}): HTML does not allow them in a document.
 */
final class ReportHtml {

    /** Allows the page's own inline style and nothing else. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:50em;margin:2em auto;"
            + "padding:0 1em;line-height:1.5;color:#1a1a1a}h1{font-size:1.5em}h2{font-size:1.25em;margin-top:2em;"
            + "border-bottom:1px solid #bbb}h3{font-size:1.05em;margin-bottom:.3em}li{margin:.2em 0}"
            + "@media print{body{margin:0;max-width:none}}";

    private ReportHtml() {
    }

    static String render(ReportDocument document) {
        StringBuilder out = new StringBuilder()
                .append("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(document.title())).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(escape(document.title())).append("</h1>\n");
        for (Block block : document.blocks()) {
            if (block instanceof Heading h) {
                out.append("<h").append(h.level()).append('>').append(escape(h.text())).append("</h").append(h.level())
                        .append(">\n");
            } else if (block instanceof Paragraph p) {
                out.append("<p>").append(escape(p.text())).append("</p>\n");
            } else if (block instanceof Items list) {
                out.append("<ul>\n");
                list.items().forEach(item -> out.append("<li>").append(escape(item)).append("</li>\n"));
                out.append("</ul>\n");
            }
        }
        return out.append("</body>\n</html>\n").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : OutputText.printable(text).toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
