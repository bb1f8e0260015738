package de.gremium.query.export;

import de.gremium.query.api.PageView;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * A list or view sent as JSON or as a CSV table, one call per endpoint. The controller chooses first, before it
 * asks the query (an unsupported format is refused without work), then hands over the answer and its columns:
 *
 * <pre>{@code
 * ResponseEntity<?> board(..., @RequestParam(required = false) String format,
 *         @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
 *     Export export = Export.of(format, accept);
 *     PageView<ProblemReportView> page = ...;
 *     return export.page(page, COLUMNS, "problem-reports");                      // a list: one row per element
 * }
 * return export.eTag(version).view(detail, MeetingDetail::agenda, AGENDA, "meeting-" + id);  // a view: its rows
 * }</pre>
 *
 * JSON is the view itself ({@code application/json}). CSV is the table: a header with the columns' names, one
 * record per row, in the dialect of the format ({@link CsvDialect}), sent as an attachment
 * {@code <file>.csv}. A page's CSV holds the page's rows; its place in the list is in the headers
 * {@code X-Total-Count} and {@code Link} (RFC 8288: {@code first}, {@code prev}, {@code next}, {@code last},
 * the same links as the JSON page's). Every answer varies by {@code Accept}. An ETag is sent with the JSON only:
 * it is the view's version, to send back as {@code If-Match}.
 */
public record Export(ExportFormat format, String eTag) {

    /** The {@code format} parameter's description, the same on every endpoint. */
    public static final String FORMAT = "json (the default), csv or csv-semicolon (German spreadsheets: semicolons, "
            + "decimal comma, byte order mark); without it, Accept decides (application/json, text/csv, "
            + "text/csv;sep=semicolon). Anything else: 400 for format, 406 for Accept. See docs/exports.md";
    /** The media type of the CSV answers, for {@code @Content(mediaType = …)}. */
    public static final String TEXT_CSV = "text/csv";

    /** The representation the request asks for ({@link ExportFormat#of}). */
    public static Export of(String format, String accept) {
        return new Export(ExportFormat.of(format, accept), null);
    }

    /** The same export, with this version as the JSON's ETag. */
    public Export eTag(long version) {
        return new Export(format, Long.toString(version));
    }

    public boolean json() {
        return format == ExportFormat.JSON;
    }

    /** A page of a list: the page as JSON, or its rows as CSV with links to the other pages in the headers. */
    public <T> ResponseEntity<?> page(PageView<T> page, CsvColumns<? super T> columns, String file) {
        if (json()) {
            return jsonBody(page);
        }
        List<String> links = new ArrayList<>();
        link(links, page.links().first(), "first");
        link(links, page.links().prev(), "prev");
        link(links, page.links().next(), "next");
        link(links, page.links().last(), "last");
        return csv(page.data(), columns, file, headers -> {
            headers.set("X-Total-Count", Long.toString(page.pagination().totalElements()));
            if (!links.isEmpty()) {
                headers.set(HttpHeaders.LINK, String.join(", ", links));
            }
        });
    }

    /** A list that is not paged: the list as JSON ({@code json}, e.g. the record that holds it), or its rows. */
    public <T> ResponseEntity<?> list(Object json, List<T> rows, CsvColumns<? super T> columns, String file) {
        return json() ? jsonBody(json) : csv(rows, columns, file, headers -> { });
    }

    /** A view: the view as JSON, or the rows it gives as CSV (one row of its own, or the rows of a part of it). */
    public <V, T> ResponseEntity<?> view(V view, Function<? super V, ? extends List<T>> rows, CsvColumns<? super T> columns,
            String file) {
        return json() ? jsonBody(view) : csv(rows.apply(view), columns, file, headers -> { });
    }

    /** The bytes of a table in a dialect: its preamble (a byte order mark or nothing), then UTF-8. */
    public static <T> byte[] bytes(CsvDialect dialect, List<T> rows, CsvColumns<? super T> columns) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(dialect.preamble());
        out.writeBytes(columns.write(dialect, List.copyOf(rows)).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A file name of letters, digits, dot, dash and underscore, ending in {@code .csv}. */
    public static String fileName(String stem) {
        return stem.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
    }

    /**
     * A view with a table of its own making (the monitoring's German tables): the view as JSON, or the table the
     * function writes in the chosen dialect (it must write every record with that dialect).
     */
    public ResponseEntity<?> view(Object view, Function<CsvDialect, String> table, String file) {
        if (json()) {
            return jsonBody(view);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(format.dialect().preamble());
        out.writeBytes(table.apply(format.dialect()).getBytes(StandardCharsets.UTF_8));
        return csvResponse(out.toByteArray(), file, headers -> { });
    }

    private ResponseEntity<Object> jsonBody(Object body) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(format.contentType()).varyBy(HttpHeaders.ACCEPT);
        if (eTag != null) {
            ok.eTag(eTag);
        }
        return ok.body(body);
    }

    private <T> ResponseEntity<byte[]> csv(List<T> rows, CsvColumns<? super T> columns, String file,
            java.util.function.Consumer<HttpHeaders> more) {
        return csvResponse(bytes(format.dialect(), rows, columns), file, more);
    }

    private ResponseEntity<byte[]> csvResponse(byte[] body, String file, java.util.function.Consumer<HttpHeaders> more) {
        return ResponseEntity.ok().contentType(format.contentType()).varyBy(HttpHeaders.ACCEPT)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName(file), StandardCharsets.UTF_8).build().toString())
                .headers(more::accept)
                .body(body);
    }

    private static void link(List<String> links, String uri, String rel) {
        if (uri != null) {
            links.add("<" + uri + ">; rel=\"" + rel + "\"");
        }
    }
}
