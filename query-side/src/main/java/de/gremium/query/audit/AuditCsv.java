package de.gremium.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.gremium.query.export.CsvDialect;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;

/**
 * Audit entries as CSV, written by {@link CsvDialect} (RFC 4180, CRLF; a text cell that could start a formula is
 * neutralised): a header line, then one record per entry. The payload is the entry's JSON object in one field;
 * position and sequence number are typed numbers.
 */
final class AuditCsv {

    static final List<String> COLUMNS = List.of("position", "timestamp", "eventType", "aggregateType", "aggregateId",
            "sequenceNumber", "userId", "correlationId", "causationId", "eventId", "payload");

    private final ObjectMapper json;

    AuditCsv(ObjectMapper json) {
        this.json = json;
    }

    void header(Writer out, CsvDialect dialect) {
        dialect.record(out, COLUMNS);
    }

    void row(Writer out, CsvDialect dialect, AuditEntry entry) {
        dialect.record(out, Arrays.asList(entry.position(), entry.timestamp(), entry.eventType(), entry.aggregateType(),
                entry.aggregateId(), entry.sequenceNumber(), entry.userId(), entry.correlationId(), entry.causationId(),
                entry.eventId(), payload(entry)));
    }

    private String payload(AuditEntry entry) {
        try {
            return entry.payload() == null ? "" : json.writeValueAsString(entry.payload());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
