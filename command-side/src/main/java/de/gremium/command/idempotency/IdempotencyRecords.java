package de.gremium.command.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The records of {@code idempotency_record}, read and written in the caller's transaction. */
class IdempotencyRecords {

    private final JdbcTemplate jdbc;

    IdempotencyRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for this transaction, or returns the record of the request that holds it. A claim by a
     * transaction still running makes this one wait until that one ends (PostgreSQL's unique index): then the
     * key is either this one's (the other rolled back) or the other's committed record is returned.
     */
    Optional<IdempotencyRecord> claim(String id, String requestHash, Instant now) {
        int inserted = jdbc.update("""
                INSERT INTO idempotency_record (id, request_hash, status, created_at) VALUES (?, ?, 0, ?)
                ON CONFLICT (id) DO NOTHING""", id, requestHash, Timestamp.from(now));
        if (inserted == 1) {
            return Optional.empty();
        }
        return jdbc.query("SELECT id, request_hash, status, location, content_type, body, created_at "
                + "FROM idempotency_record WHERE id = ?", (row, n) -> new IdempotencyRecord(row.getString(1),
                        row.getString(2), row.getInt(3), row.getString(4), row.getString(5), row.getBytes(6),
                        row.getTimestamp(7).toInstant()), id).stream().findFirst()
                .or(() -> {
                    throw new IllegalStateException("idempotency record " + id + " neither claimed nor found");
                });
    }

    /** Records the answer of the request that claimed {@code id}, in its transaction. */
    void complete(String id, int status, String location, String contentType, byte[] body) {
        jdbc.update("UPDATE idempotency_record SET status = ?, location = ?, content_type = ?, body = ? WHERE id = ?",
                status, location, contentType, body, id);
    }
}
