package de.gremium.platform.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.gremium.platform.privacy.PersonalDataKeys;
import de.gremium.platform.privacy.PersonalDataSerializer;
import de.gremium.platform.record.StoredJson;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The record's event rows as PostgreSQL holds them, for tests that look past Axon at what was stored: personal data
 * opened with the record's keys (a test of the encryption itself reads the rows by JDBC).
 */
public final class RecordRows {

    /** One stored event: its columns, payload and metadata as the JSON text they hold. */
    public record Row(long globalIndex, String aggregateId, long sequenceNumber, String type, String eventId,
            String payloadType, String payloadRevision, String payload, String metaData, String timestamp) {

        /** The metadata, parsed (userId, correlationId, causationId, ...). */
        public JsonNode meta() {
            try {
                return JSON.readTree(metaData);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("metadata of " + eventId + " is not JSON: " + metaData, e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String COLUMNS = "global_index, aggregate_identifier, sequence_number, type, event_identifier, "
            + "payload_type, payload_revision, payload, meta_data, time_stamp";

    private final JdbcTemplate jdbc;
    private final PersonalDataSerializer personalData;

    private RecordRows(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.personalData = new PersonalDataSerializer(StoredJson.serializer(), new PersonalDataKeys(dataSource));
    }

    public static RecordRows of(DataSource dataSource) {
        return new RecordRows(dataSource);
    }

    /** The record that a running side writes to. */
    public static RecordRows of(ApplicationContext side) {
        return new RecordRows(side.getBean(DataSource.class));
    }

    public long count() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    /** The highest global index stored, 0 for none. */
    public long lastGlobalIndex() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    }

    public List<Row> ofAggregate(String aggregateId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                this::row, aggregateId);
    }

    public List<Row> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry ORDER BY global_index", this::row);
    }

    public List<Row> after(long globalIndex) {
        return jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry WHERE global_index > ? ORDER BY global_index",
                this::row, globalIndex);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** A row with its personal data opened with the record's keys (docs/adr/0007-crypto-shredding.md). */
    private Row row(ResultSet row, int n) throws SQLException {
        return new Row(row.getLong("global_index"), row.getString("aggregate_identifier"), row.getLong("sequence_number"),
                row.getString("type"), row.getString("event_identifier"), row.getString("payload_type"),
                row.getString("payload_revision"), text(row.getBytes("payload")), text(row.getBytes("meta_data")),
                row.getString("time_stamp"));
    }

    private String text(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        String stored = new String(bytes, StandardCharsets.UTF_8);
        if (!stored.contains("\"pd1:")) {
            return stored;
        }
        try {
            return JSON.writeValueAsString(personalData.opened(JSON.readTree(stored)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored row is not JSON: " + stored, e);
        }
    }
}
