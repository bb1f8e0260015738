package de.gremium.intranet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small readings of a rendered page for the assertions: the opening tag of an element, an element's text. */
public final class Html {

    private Html() {
    }

    /** The opening tag of the element with this id. */
    public static String tag(String html, String id) {
        Matcher matcher = Pattern.compile("<[a-z][a-z0-9]*\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        assertThat(matcher.find()).as("an element with id %s", id).isTrue();
        return matcher.group();
    }

    /** The text of the element with this id (with what it nests), tags removed and spaces collapsed. */
    public static String text(String html, String id) {
        Matcher open = Pattern.compile("<([a-z0-9]+)\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        assertThat(open.find()).as("an element with id %s", id).isTrue();
        String name = open.group(1);
        Matcher tags = Pattern.compile("<(/?)" + name + "\\b[^>]*>").matcher(html);
        int depth = 1;
        int from = open.end();
        tags.region(from, html.length());
        while (depth > 0 && tags.find()) {
            depth += tags.group(1).isEmpty() ? 1 : -1;
        }
        assertThat(depth).as("the element with id %s is closed", id).isZero();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(
                html.substring(from, tags.start()).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
    }

    /** Whether the page has an element with this id. */
    public static boolean has(String html, String id) {
        return html.contains("id=\"" + id + "\"");
    }
}
