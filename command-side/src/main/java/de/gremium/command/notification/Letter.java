package de.gremium.command.notification;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * A German letter in blocks (paragraphs, lists, links), rendered once as plain text and once as HTML, so that both say
 * the same. Every value is HTML-escaped in the HTML; control characters are taken out of the subject (it becomes a
 * header) and out of the texts (except line breaks). No images, no counted links: nothing tells anyone the letter was
 * opened.
 */
final class Letter {

    static final int SUBJECT_MAX = 500;

    /** A letter as it goes into the outbox. */
    record Draft(String subject, String text, String html) {
    }

    private sealed interface Block permits Paragraph, Items, Link {
    }

    private record Paragraph(String text) implements Block {
    }

    private record Items(List<String> items) implements Block {
    }

    private record Link(String label, String url) implements Block {
    }

    private final String subject;
    private final List<Block> blocks = new ArrayList<>();

    Letter(String subject) {
        this.subject = subject;
    }

    Letter paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    Letter items(List<String> items) {
        if (!items.isEmpty()) {
            blocks.add(new Items(List.copyOf(items)));
        }
        return this;
    }

    Letter link(String label, String url) {
        blocks.add(new Link(label, url));
        return this;
    }

    /** The letter to {@code recipient}: a greeting, the blocks, and the footer (settings link, or why a guest gets it). */
    Draft to(Recipient recipient, String settingsUrl) {
        List<Block> all = new ArrayList<>();
        boolean named = recipient.name() != null && !recipient.name().isBlank();
        all.add(new Paragraph(named ? "Guten Tag " + recipient.name() + "," : "Guten Tag,"));
        all.addAll(blocks);
        all.add(new Paragraph("Mit freundlichen Grüßen\nIhre Projektgruppe Integration"));
        List<Block> footer = recipient.guest()
                ? List.of(new Paragraph("Sie erhalten diese E-Mail, weil Sie als Gast zur " + recipient.guestOf()
                        + " eingeladen sind. Sie haben kein Konto im Intranet der Projektgruppe; wenn Sie keine E-Mails mehr "
                        + "erhalten möchten, antworten Sie bitte der Koordination der Projektgruppe."))
                : List.of(new Paragraph("Sie erhalten diese E-Mail als Mitglied der Projektgruppe Integration. Ob und wie Sie "
                        + "benachrichtigt werden (sofort, in der wöchentlichen Zusammenfassung oder gar nicht), stellen Sie "
                        + "für jede Art von Nachricht selbst ein:"), new Link("Meine Benachrichtigungen", settingsUrl));
        return new Draft(headerSafe(subject), text(all, footer), html(all, footer));
    }

    private String text(List<Block> body, List<Block> footer) {
        StringBuilder out = new StringBuilder();
        body.forEach(block -> out.append(text(block)).append("\n\n"));
        out.append("-- \n");
        footer.forEach(block -> out.append(text(block)).append('\n'));
        return out.toString();
    }

    private static String text(Block block) {
        if (block instanceof Paragraph paragraph) {
            return printable(paragraph.text());
        }
        if (block instanceof Items items) {
            return String.join("\n", items.items().stream().map(item -> "- " + printable(item).replace("\n", "\n  ")).toList());
        }
        Link link = (Link) block;
        return printable(link.label()) + ": " + link.url();
    }

    private String html(List<Block> body, List<Block> footer) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"de\">\n<head><meta charset=\"utf-8\"><title>")
                .append(escape(headerSafe(subject))).append("</title></head>\n<body>\n");
        body.forEach(block -> out.append(html(block)).append('\n'));
        out.append("<hr>\n<footer>\n");
        footer.forEach(block -> out.append(html(block)).append('\n'));
        return out.append("</footer>\n</body>\n</html>\n").toString();
    }

    private static String html(Block block) {
        if (block instanceof Paragraph paragraph) {
            return "<p>" + lines(paragraph.text()) + "</p>";
        }
        if (block instanceof Items items) {
            StringBuilder list = new StringBuilder("<ul>");
            items.items().forEach(item -> list.append("<li>").append(lines(item)).append("</li>"));
            return list.append("</ul>").toString();
        }
        Link link = (Link) block;
        return "<p><a href=\"" + escape(link.url()) + "\">" + escape(link.label()) + "</a></p>";
    }

    private static String lines(String text) {
        return escape(printable(text)).replace("\n", "<br>\n");
    }

    static String escape(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }

    /** Line breaks and tabs stay; every other control character becomes a space. */
    static String printable(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.replace("\r\n", "\n").codePoints().forEach(c -> {
            if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                out.appendCodePoint(c);
            } else {
                out.append(' ');
            }
        });
        return out.toString();
    }

    /** One line, no control characters, at most {@value #SUBJECT_MAX} characters: a subject is a mail header. */
    static String headerSafe(String value) {
        String line = printable(value).replace('\n', ' ').replace('\t', ' ').replaceAll(" {2,}", " ").strip();
        return line.length() > SUBJECT_MAX ? line.substring(0, SUBJECT_MAX - 1) + "…" : line;
    }
}
