package de.gremium.intranet.monitoring;

import de.gremium.intranet.PageTest;
import de.gremium.intranet.signin.SignedInUser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.w3c.dom.Document;

/**
 * What the page tests of the monitoring area share: the intranet with both APIs pointing at the stub
 * ({@link PageTest}), a member or the coordinator signed in, and readings of the SVG charts and tables.
 */
abstract class PageTestSupport extends PageTest {

    static RequestPostProcessor member() {
        return as(new SignedInUser("mara", "Mara Mitglied", List.of("MEMBER")));
    }

    static RequestPostProcessor coordinator() {
        return as(new SignedInUser("kim", "Kim Koordination", List.of("MEMBER", "COORDINATOR")));
    }

    /** The SVG elements of a page, each parsed as XML (so each must be well-formed). */
    static List<Document> svgs(String html) {
        Matcher m = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
        List<Document> documents = new java.util.ArrayList<>();
        while (m.find()) {
            documents.add(xml(m.group()));
        }
        return documents;
    }

    static Document xml(String text) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + text, e);
        }
    }

    /** The text of each {@code <td>} of the table with this id, in order. */
    static List<String> cells(String html, String tableId) {
        Matcher table = Pattern.compile("<table id=\"" + Pattern.quote(tableId) + "\">(.*?)</table>", Pattern.DOTALL)
                .matcher(html);
        if (!table.find()) {
            throw new AssertionError("no table " + tableId);
        }
        Matcher cell = Pattern.compile("<t[dh](?:\\s[^>]*)?>(.*?)</t[dh]>", Pattern.DOTALL).matcher(table.group(1));
        List<String> cells = new java.util.ArrayList<>();
        while (cell.find()) {
            cells.add(cell.group(1).strip());
        }
        return cells;
    }
}
