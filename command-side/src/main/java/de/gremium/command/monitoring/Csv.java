package de.gremium.command.monitoring;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: records of cells separated by {@code ,}; a cell in double quotes may hold commas,
 * line breaks and doubled quotes ({@code ""}); records end with CRLF, LF or CR. Rows are numbered by record
 * from 1 (the header), as a spreadsheet shows them; a quoted line break does not start a new row.
 */
final class Csv {

    /** One record and its row number. */
    record Record(int row, List<String> cells) {

        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /** The text breaks the quoting rules; what follows cannot be read reliably. */
    static final class SyntaxError extends RuntimeException {

        private final int row;

        SyntaxError(int row, String message) {
            super(message);
            this.row = row;
        }

        int row() {
            return row;
        }
    }

    private Csv() {
    }

    static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int row = 1;
        boolean inQuotes = false;
        boolean closedQuote = false;
        boolean pending = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            pending = true;
            if (inQuotes) {
                if (c != '"') {
                    cell.append(c);
                } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    inQuotes = false;
                    closedQuote = true;
                }
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                closedQuote = false;
            } else if (c == '\r' || c == '\n') {
                cells.add(cell.toString());
                records.add(new Record(row++, List.copyOf(cells)));
                cells.clear();
                cell.setLength(0);
                closedQuote = false;
                pending = false;
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '"') {
                if (closedQuote || !cell.toString().isBlank()) {
                    throw new SyntaxError(row, "a quote inside a cell: quote the whole cell and double the quote (\"\"), "
                            + "e.g. \"Zensus \"\"2022\"\"\"");
                }
                cell.setLength(0);
                inQuotes = true;
            } else if (closedQuote && !Character.isWhitespace(c)) {
                throw new SyntaxError(row, "text after the closing quote of a cell; a quoted cell ends at its quote");
            } else {
                cell.append(c);
            }
        }
        if (inQuotes) {
            throw new SyntaxError(row, "a quoted cell is not closed; the file ends inside it");
        }
        if (pending) {
            cells.add(cell.toString());
            records.add(new Record(row, List.copyOf(cells)));
        }
        return records;
    }
}
