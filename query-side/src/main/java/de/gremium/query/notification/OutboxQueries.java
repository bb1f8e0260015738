package de.gremium.query.notification;

import de.gremium.events.group.NotificationKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the outbox, {@code notification_outbox} in the record (platform migration V5), which the command side's
 * notification processor fills and its postman works off (docs/notifications.md). The query side keeps no view of it:
 * the table is the truth, small, and indexed by creation time and recipient, so the coordinator's page and the access
 * export read it as it is, with plain SQL. Nothing here writes to it.
 */
@Component
public class OutboxQueries {

    /** The kind of a weekly digest's row, which is no {@link NotificationKind}. */
    static final String DIGEST = "DIGEST";
    static final String DIGEST_LABEL = "Wöchentliche Zusammenfassung";

    private static final String ITEM = "id, kind, recipient_id, recipient_name, recipient_address, delivery, subject, "
            + "status, attempts, next_attempt_at, last_error, created_at, sent_at, "
            + "(calendar IS NOT NULL OR kind = 'MEETING_INVITATIONS') AS invitation";
    private static final String LETTER = ITEM + ", text_body, html_body, calendar";
    private static final String NEWEST_FIRST = " ORDER BY created_at DESC, id DESC";

    private final JdbcTemplate jdbc;

    OutboxQueries(DataSource record) {
        this.jdbc = new JdbcTemplate(record);
    }

    /** One page of the rows, newest first, and how many there are in each status and in the filtered list. */
    @QueryHandler
    OutboxRows handle(FetchOutbox query) {
        Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
        for (OutboxStatus status : OutboxStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.query("SELECT status, count(*) FROM notification_outbox GROUP BY status", row -> {
            for (OutboxStatus status : OutboxStatus.values()) {
                if (status.name().equals(row.getString(1))) {
                    counts.put(status, row.getLong(2));
                }
            }
        });
        long offset = (long) query.page() * query.size();
        List<OutboxItem> items;
        long total;
        if (query.status() == null) {
            total = counts.values().stream().mapToLong(Long::longValue).sum();
            items = jdbc.query("SELECT " + ITEM + " FROM notification_outbox" + NEWEST_FIRST + " LIMIT ? OFFSET ?",
                    (row, n) -> item(row), query.size(), offset);
        } else {
            total = counts.get(query.status());
            items = jdbc.query("SELECT " + ITEM + " FROM notification_outbox WHERE status = ?" + NEWEST_FIRST
                    + " LIMIT ? OFFSET ?", (row, n) -> item(row), query.status().name(), query.size(), offset);
        }
        return new OutboxRows(counts, items, total);
    }

    /** One page's rows, the counts per status, and how many rows the filter matches in all. */
    record OutboxRows(Map<OutboxStatus, Long> counts, List<OutboxItem> items, long total) {
    }

    @QueryHandler
    Optional<OutboxLetter> handle(FetchOutboxLetter query) {
        return jdbc.query("SELECT " + LETTER + " FROM notification_outbox WHERE id = ?", (row, n) -> letter(row),
                query.id()).stream().findFirst();
    }

    /**
     * Every e-mail addressed to a person (their user id as recipient), oldest first, in full: for the access export.
     * An erasure deletes a person's rows, so after it there are none.
     */
    public List<OutboxLetter> addressedTo(String recipientId) {
        return new ArrayList<>(jdbc.query("SELECT " + LETTER + " FROM notification_outbox WHERE recipient_id = ? "
                + "ORDER BY created_at, id", (row, n) -> letter(row), recipientId));
    }

    /** Whether any e-mail is addressed to the person. */
    public boolean anyAddressedTo(String recipientId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM notification_outbox WHERE recipient_id = ?)", Boolean.class, recipientId));
    }

    /** The German label of a stored kind; one this version does not know reads as itself. */
    static String kindLabel(String kind) {
        if (DIGEST.equals(kind)) {
            return DIGEST_LABEL;
        }
        for (NotificationKind known : NotificationKind.values()) {
            if (known.name().equals(kind)) {
                return known.germanLabel();
            }
        }
        return kind;
    }

    private static OutboxItem item(ResultSet row) throws SQLException {
        String kind = row.getString("kind");
        String status = row.getString("status");
        return new OutboxItem(row.getLong("id"), kind, kindLabel(kind), row.getString("recipient_id"),
                row.getString("recipient_name"), row.getString("recipient_address"), row.getString("delivery"),
                row.getString("subject"), status, OutboxStatus.labelOf(status), row.getInt("attempts"),
                instant(row, "next_attempt_at"), row.getString("last_error"), instant(row, "created_at"),
                instant(row, "sent_at"), row.getBoolean("invitation"));
    }

    private static OutboxLetter letter(ResultSet row) throws SQLException {
        return new OutboxLetter(item(row), row.getString("text_body"), row.getString("html_body"),
                row.getString("calendar"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
