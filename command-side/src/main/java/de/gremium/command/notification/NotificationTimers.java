package de.gremium.command.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What is due later ({@code notification_timer}, migration V5): a poll's reminder, an agenda before its meeting, a review
 * date. A timer is set in the transaction of whoever sets it (the notifier's, with its token), once per key
 * {@code <KIND>/<subject id>/<the instant it is for>}; a due one is claimed by one poller at a time.
 */
@Component
class NotificationTimers {

    enum Kind { POLL_REMINDER, AGENDA, REVIEW_DATE }

    /** A timer as claimed: its key says what it is for. */
    record Timer(long id, String dedupKey, Kind kind, String subjectId, Instant dueAt) {

        /** The instant the timer is for (the last part of its key). */
        Instant forInstant() {
            return Instant.parse(dedupKey.substring(dedupKey.lastIndexOf('/') + 1));
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    NotificationTimers(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    static String key(Kind kind, String subjectId, Instant forInstant) {
        return kind + "/" + subjectId + "/" + forInstant;
    }

    /** Sets the timer unless one with its key is there already; true if it was set. */
    boolean set(Kind kind, String subjectId, Instant forInstant, Instant dueAt) {
        return jdbc.update("""
                INSERT INTO notification_timer (dedup_key, kind, subject_id, due_at, created_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (dedup_key) DO NOTHING""",
                key(kind, subjectId, forInstant), kind.name(), subjectId, Timestamp.from(dueAt),
                Timestamp.from(clock.instant())) == 1;
    }

    /**
     * The earliest timer due at {@code now} and not handled, locked for the current transaction; one that another
     * poller holds is skipped, and so are the ids in {@code skipped} (those whose handling failed in this round). Call
     * inside a transaction and mark it {@link #handled} in the same one.
     */
    Optional<Timer> claimDue(Instant now, Collection<Long> skipped) {
        String notSkipped = skipped.isEmpty() ? "" : " AND id NOT IN (" + skipped.stream().map(String::valueOf)
                .collect(Collectors.joining(",")) + ")";
        return jdbc.query("SELECT id, dedup_key, kind, subject_id, due_at FROM notification_timer"
                + " WHERE handled_at IS NULL AND due_at <= ?" + notSkipped
                + " ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED",
                (row, n) -> new Timer(row.getLong("id"), row.getString("dedup_key"), Kind.valueOf(row.getString("kind")),
                        row.getString("subject_id"), row.getTimestamp("due_at").toInstant()),
                Timestamp.from(now)).stream().findFirst();
    }

    void handled(Timer timer, String outcome) {
        jdbc.update("UPDATE notification_timer SET handled_at = ?, outcome = ? WHERE id = ?",
                Timestamp.from(clock.instant()), outcome.length() > 500 ? outcome.substring(0, 500) : outcome, timer.id());
    }
}
