package de.gremium.query.audit;

import de.gremium.platform.record.RecordSchema;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The events as Axon stored them: the rows of the record's {@code domain_event_entry}, read with plain JDBC past
 * Axon (no upcasting, no deserialisation), because the chain is about what is in the record. Every read goes by
 * {@code event_identifier}, which the record keeps unique (an index of its own).
 *
 * <p>Inside a processor's batch the reads join the batch's transaction of the record (Spring binds the connection
 * to the thread), so they see what that transaction sees.
 */
@Component
class StoredEvents {

    private static final EventSchema SCHEMA = RecordSchema.events();
    private static final String COLUMNS = String.join(", ", SCHEMA.globalIndexColumn(), SCHEMA.eventIdentifierColumn(),
            SCHEMA.aggregateIdentifierColumn(), SCHEMA.sequenceNumberColumn(), SCHEMA.typeColumn(), SCHEMA.timestampColumn(),
            SCHEMA.payloadTypeColumn(), SCHEMA.payloadRevisionColumn(), SCHEMA.payloadColumn(), SCHEMA.metaDataColumn());
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM " + SCHEMA.domainEventTable() + " WHERE "
            + SCHEMA.eventIdentifierColumn() + " = ?";
    private static final String BY_IDS = "SELECT " + COLUMNS + " FROM " + SCHEMA.domainEventTable() + " WHERE "
            + SCHEMA.eventIdentifierColumn() + " = ANY(?)";
    private static final String COUNT = "SELECT count(*) FROM " + SCHEMA.domainEventTable();

    private final JdbcTemplate jdbc;

    StoredEvents(DataSource record) {
        this.jdbc = new JdbcTemplate(record);
    }

    /** The stored row of one event. */
    Optional<StoredEvent> find(String eventId) {
        return jdbc.query(BY_ID, StoredEvents::row, eventId).stream().findFirst();
    }

    /** The stored rows of a batch of events, by event id, in one query; an event that is not stored is absent. */
    Map<String, StoredEvent> findAll(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        List<StoredEvent> rows = jdbc.query(connection -> {
            PreparedStatement select = connection.prepareStatement(BY_IDS);
            select.setArray(1, connection.createArrayOf("varchar", eventIds.toArray()));
            return select;
        }, StoredEvents::row);
        Map<String, StoredEvent> found = new HashMap<>(rows.size() * 2);
        rows.forEach(row -> found.put(row.eventIdentifier(), row));
        return found;
    }

    /** How many events the record holds. */
    long count() {
        Long count = jdbc.queryForObject(COUNT, Long.class);
        return count == null ? 0 : count;
    }

    private static StoredEvent row(ResultSet rs, int rowNumber) throws SQLException {
        return new StoredEvent(rs.getLong(SCHEMA.globalIndexColumn()), rs.getString(SCHEMA.eventIdentifierColumn()),
                rs.getString(SCHEMA.aggregateIdentifierColumn()), rs.getLong(SCHEMA.sequenceNumberColumn()),
                rs.getString(SCHEMA.typeColumn()), rs.getString(SCHEMA.timestampColumn()),
                rs.getString(SCHEMA.payloadTypeColumn()), rs.getString(SCHEMA.payloadRevisionColumn()),
                rs.getBytes(SCHEMA.payloadColumn()), rs.getBytes(SCHEMA.metaDataColumn()));
    }
}
