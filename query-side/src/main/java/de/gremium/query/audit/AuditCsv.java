package de.gremium.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Audit entries as CSV (RFC 4180): a header line, then one record per entry, lines ended by CRLF.
 * A field is quoted when it holds a comma, a double quote, CR or LF, and a double quote inside it is
 * doubled. The payload is the entry's JSON object in one field. Values are written as they are: a
 * spreadsheet may treat a field that starts with {@code =} as a formula (see docs/audit.md).
 */
final class AuditCsv {

    static final List<String> COLUMNS = List.of("position", "timestamp", "eventType", "aggregateType", "aggregateId",
            "sequenceNumber", "userId", "correlationId", "causationId", "eventId", "payload");

    private final ObjectMapper json;

    AuditCsv(ObjectMapper json) {
        this.json = json;
    }

    void header(Writer out) throws IOException {
        line(out, COLUMNS);
    }

    void row(Writer out, AuditEntry entry) throws IOException {
        line(out, List.of(Long.toString(entry.position()), String.valueOf(entry.timestamp()), text(entry.eventType()),
                text(entry.aggregateType()), text(entry.aggregateId()), Long.toString(entry.sequenceNumber()),
                text(entry.userId()), text(entry.correlationId()), text(entry.causationId()), text(entry.eventId()),
                payload(entry)));
    }

    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    private String payload(AuditEntry entry) {
        try {
            return entry.payload() == null ? "" : json.writeValueAsString(entry.payload());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
