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
     * key is either this one's (the other rolled back) or the other's committed record is returned. A record
     * created before {@code expiredBefore} no longer holds its key: it is overwritten by this claim.
     */
    Optional<IdempotencyRecord> claim(String id, String requestHash, Instant now, Instant expiredBefore) {
        int inserted = jdbc.update("""
                INSERT INTO idempotency_record (id, request_hash, status, created_at) VALUES (?, ?, 0, ?)
                ON CONFLICT (id) DO UPDATE SET request_hash = EXCLUDED.request_hash, status = 0, location = NULL,
                    content_type = NULL, body = NULL, created_at = EXCLUDED.created_at
                WHERE idempotency_record.created_at < ?""", id, requestHash, Timestamp.from(now),
                Timestamp.from(expiredBefore));
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

    /** Removes the records created before {@code expiredBefore}; returns how many. */
    int removeExpired(Instant expiredBefore) {
        return jdbc.update("DELETE FROM idempotency_record WHERE created_at < ?", Timestamp.from(expiredBefore));
    }

    /** Records the answer of the request that claimed {@code id}, in its transaction. */
    void complete(String id, int status, String location, String contentType, byte[] body) {
        jdbc.update("UPDATE idempotency_record SET status = ?, location = ?, content_type = ?, body = ? WHERE id = ?",
                status, location, contentType, body, id);
    }
}
