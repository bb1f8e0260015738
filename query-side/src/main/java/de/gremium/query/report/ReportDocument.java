package de.gremium.query.report;

import java.util.List;

/**
 * The report as a readable document, independent of its format: a title and headings, paragraphs and
 * bullet lists of plain text. {@link ReportMarkdown} and {@link ReportHtml} render it, each escaping
 * every text for its own format, so the two always say the same.
 */
record ReportDocument(String title, List<Block> blocks) {

    sealed interface Block permits Heading, Paragraph, Items {
    }

    /** Level 2 is a section, level 3 a subsection (the title is level 1). */
    record Heading(int level, String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    record Items(List<String> items) implements Block {
    }
}
