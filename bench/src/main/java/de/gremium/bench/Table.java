package de.gremium.bench;

import java.util.ArrayList;
import java.util.List;

/** A table with a header row, rendered as padded plain text or as Markdown. */
final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(List<String> header) {
        this.header = header;
    }

    Table row(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells: " + cells);
        }
        rows.add(cells);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String text() {
        int[] width = new int[header.size()];
        for (List<String> row : all()) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : all()) {
            out.append("  ");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                // first column left-aligned, figures right-aligned
                out.append(i == 0 ? pad(cell, width[i]) : padLeft(cell, width[i])).append(i + 1 < row.size() ? "   " : "");
            }
            out.append('\n');
            if (row == header) {
                out.append("  ").append("-".repeat(sum(width) + 3 * (width.length - 1))).append('\n');
            }
        }
        return out.toString();
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.size(); i++) {
            out.append(i == 0 ? " --- |" : " ---: |");
        }
        out.append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row.stream().map(Table::markdownCell).toList())).append(" |\n");
        }
        return out.toString();
    }

    /** Leading spaces (sub-rows) survive as em spaces; pipes are escaped. */
    private static String markdownCell(String cell) {
        String trimmed = cell.stripLeading();
        return "&emsp;".repeat((cell.length() - trimmed.length()) / 2) + trimmed.replace("|", "\\|");
    }

    private List<List<String>> all() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static String padLeft(String s, int width) {
        return " ".repeat(width - s.length()) + s;
    }

    private static int sum(int[] values) {
        int sum = 0;
        for (int v : values) {
            sum += v;
        }
        return sum;
    }
}
