package de.gremium.query.export;

import de.gremium.query.api.FormatChoice;
import java.util.Map;
import org.springframework.http.MediaType;

/**
 * The formats every list and view of the query side comes in, chosen by {@link FormatChoice}:
 * {@code ?format=json|csv|csv-semicolon}, or without it {@code Accept: application/json}, {@code text/csv},
 * {@code text/csv;sep=semicolon}.
 */
public enum ExportFormat {

    JSON(MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON, null),
    CSV(new MediaType("text", "csv", Map.of("sep", "comma")),
            MediaType.parseMediaType("text/csv;charset=UTF-8;header=present"), CsvDialect.COMMA),
    CSV_SEMICOLON(new MediaType("text", "csv", Map.of("sep", "semicolon")),
            MediaType.parseMediaType("text/csv;charset=UTF-8;header=present;sep=semicolon"), CsvDialect.SEMICOLON);

    private final MediaType askedAs;
    private final MediaType contentType;
    private final CsvDialect dialect;

    ExportFormat(MediaType askedAs, MediaType contentType, CsvDialect dialect) {
        this.askedAs = askedAs;
        this.contentType = contentType;
        this.dialect = dialect;
    }

    /** The format the request asks for; refuses an unknown {@code format} (400) and an unmet Accept (406). */
    public static ExportFormat of(String format, String accept) {
        return FormatChoice.of(ExportFormat.class, f -> f.askedAs, format, accept);
    }

    /** The media type a client asks for it with. */
    public MediaType askedAs() {
        return askedAs;
    }

    /** The Content-Type it is sent with. */
    public MediaType contentType() {
        return contentType;
    }

    /** How it is written, or null for JSON. */
    public CsvDialect dialect() {
        return dialect;
    }
}
