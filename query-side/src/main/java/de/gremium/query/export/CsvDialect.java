package de.gremium.query.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the product writes CSV, the one writer of every CSV file it sends (RFC 4180): records end with CRLF, a
 * cell is quoted when it holds a comma, a semicolon, a double quote, CR or LF, and a double quote inside it is
 * doubled. No cell can start a formula in a spreadsheet: a text cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return gets a single quote in front and is quoted, as OWASP's
 * "CSV Injection" page advises. A {@link Number} is a typed number, not text: it is written by this class
 * itself, as digits with an optional sign and decimal mark, so it is never neutralised ({@code -3} stays
 * {@code -3}) and never quoted.
 *
 * <p>{@link #COMMA} is RFC 4180 itself (comma, decimal point, no byte order mark), for programs and English
 * spreadsheets. {@link #SEMICOLON} is the variant German spreadsheets open with a double click: semicolons,
 * a decimal comma in numbers, and a UTF-8 byte order mark, without which Excel reads the file as Windows-1252
 * and breaks every umlaut.
 *
 * <p>A writer, not a parser: Apache Commons CSV chooses quoting per file, not per cell, so it could either quote
 * no neutralised cell or every cell of every export; these few lines quote exactly what must be quoted.
 */
public enum CsvDialect {

    COMMA(',', '.', false),
    SEMICOLON(';', ',', true);

    /** The UTF-8 encoding of U+FEFF, which tells a spreadsheet the file is UTF-8. */
    static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final String LIST_SEPARATOR = "; ";

    private final char separator;
    private final char decimalMark;
    private final boolean byteOrderMark;

    CsvDialect(char separator, char decimalMark, boolean byteOrderMark) {
        this.separator = separator;
        this.decimalMark = decimalMark;
        this.byteOrderMark = byteOrderMark;
    }

    public char separator() {
        return separator;
    }

    /** What a file in this dialect starts with: the byte order mark, or nothing. */
    public byte[] preamble() {
        return byteOrderMark ? UTF8_BOM.clone() : new byte[0];
    }

    /** Writes one record: the cells, separated, and CRLF. */
    public void record(Appendable out, List<?> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.append(separator);
                }
                out.append(cell(cells.get(i)));
            }
            out.append("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One record as a string, CRLF included. */
    public String record(List<?> cells) {
        StringBuilder out = new StringBuilder();
        record(out, cells);
        return out.toString();
    }

    /**
     * One cell as it is written: a number as a number, anything else as text ({@link #text}), neutralised and
     * quoted as needed.
     */
    public String cell(Object value) {
        if (value instanceof Number number && finite(number)) {
            return number(number);
        }
        String text = text(value);
        if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return quoted("'" + text);
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf(';') >= 0 || text.indexOf('"') >= 0
                || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
        return quote ? quoted(text) : text;
    }

    /**
     * The text of a value: empty for null, an enum's name, a collection's elements joined by "; ", a map's
     * entries as "key: value" joined by "; ", anything else its {@code toString} (ISO-8601 for times and dates).
     */
    public String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Number number && finite(number)) {
            return number(number);
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(this::text).collect(Collectors.joining(LIST_SEPARATOR));
        }
        if (value instanceof Map<?, ?> entries) {
            return entries.entrySet().stream().map(e -> text(e.getKey()) + ": " + text(e.getValue()))
                    .collect(Collectors.joining(LIST_SEPARATOR));
        }
        return value.toString();
    }

    private String number(Number number) {
        String plain;
        if (number instanceof BigDecimal decimal) {
            plain = decimal.toPlainString();
        } else if (number instanceof Double || number instanceof Float) {
            plain = BigDecimal.valueOf(number.doubleValue()).toPlainString();
        } else if (number instanceof BigInteger || number instanceof Long || number instanceof Integer
                || number instanceof Short || number instanceof Byte) {
            plain = number.toString();
        } else {
            // another Number type's toString could be anything; as a decimal it is digits again
            plain = new BigDecimal(number.toString()).toPlainString();
        }
        return decimalMark == '.' ? plain : plain.replace('.', decimalMark);
    }

    private static boolean finite(Number number) {
        return !(number instanceof Double || number instanceof Float) || Double.isFinite(number.doubleValue());
    }

    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
