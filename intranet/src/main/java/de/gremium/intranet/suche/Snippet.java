package de.gremium.intranet.suche;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * The search's matched passage made safe for {@code th:utext}. The API sends the passage HTML-escaped with the matched
 * words in {@code <mark>…</mark>} (Lucene's passage formatter). Here the literal mark tags split the passage; every
 * other part is unescaped and escaped again by us, so that only {@code <mark>} ever reaches the page as markup, even
 * if the API sent something else.
 */
final class Snippet {

    private static final Pattern MARK = Pattern.compile("<mark>(.*?)</mark>", Pattern.DOTALL);

    private Snippet() {
    }

    static String safe(String snippet) {
        if (snippet == null) {
            return "";
        }
        StringBuilder html = new StringBuilder(snippet.length() + 16);
        Matcher m = MARK.matcher(snippet);
        int at = 0;
        while (m.find()) {
            html.append(text(snippet.substring(at, m.start())));
            html.append("<mark>").append(text(m.group(1))).append("</mark>");
            at = m.end();
        }
        return html.append(text(snippet.substring(at))).toString();
    }

    private static String text(String escaped) {
        return HtmlUtils.htmlEscape(HtmlUtils.htmlUnescape(escaped), "UTF-8");
    }
}
