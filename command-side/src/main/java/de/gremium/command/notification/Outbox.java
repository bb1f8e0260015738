package de.gremium.command.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox of e-mails in the record ({@code notification_outbox}, migration V5; docs/notifications.md). A letter is
 * added in the transaction of whoever adds it (the notification processor's, with its token), at most once per
 * {@link OutboxLetter#dedupKey()}; the postman sends it later.
 *
 * <p>The states: PENDING (waits: to be sent, or for the person's weekly digest), SENDING (claimed by a postman; its
 * {@code next_attempt_at} is when the claim runs out and another round takes it up), SENT (bodies emptied), FAILED
 * (gave up, with the reason), HELD (no SMTP server configured: stays, never sent on its own), DIGESTED (went out in
 * the digest row {@code digest_id}).
 */
@Component
public class Outbox {

    /** The kind of a weekly digest row. */
    public static final String DIGEST = "DIGEST";

    /** How a guest is named as a recipient: this prefix and the guest's id. */
    public static final String GUEST_PREFIX = "guest:";

    private static final String LETTER_COLUMNS = """
            id, kind, recipient_id, recipient_name, recipient_address, subject, text_body, html_body, calendar, attempts,
            created_at""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Outbox(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        // binds the connection to the data source as the application's transaction manager does: joins its transaction
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    /** Adds the letter as PENDING, unless one with its key is there already; true if it was added. */
    public boolean enqueue(OutboxLetter letter) {
        return insert(letter).isPresent();
    }

    private Optional<Long> insert(OutboxLetter letter) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.query("""
                INSERT INTO notification_outbox (dedup_key, kind, recipient_id, recipient_name, recipient_address, delivery,
                    subject, text_body, html_body, calendar, status, attempts, next_attempt_at, created_at, cause_event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)
                ON CONFLICT (dedup_key) DO NOTHING
                RETURNING id""", (rs, row) -> rs.getLong(1),
                letter.dedupKey(), letter.kind(), letter.recipientId(), letter.recipientName(), letter.recipientAddress(),
                letter.delivery().name(), letter.subject(), letter.text(), letter.html(), letter.calendar(), now, now,
                letter.causeEventId()).stream().findFirst();
    }

    /**
     * An erasure: every row addressed to the person goes, whatever its state (their address appears nowhere after).
     *
     * @return how many rows went
     */
    public int forget(String recipientId) {
        return jdbc.update("DELETE FROM notification_outbox WHERE recipient_id = ?", recipientId);
    }

    /**
     * An erasure of the guests {@code erased} names (by guest id): every row addressed to one of them goes.
     *
     * @return how many rows went
     */
    public int forgetGuests(Predicate<String> erased) {
        return jdbc.queryForList("SELECT DISTINCT recipient_id FROM notification_outbox WHERE recipient_id LIKE 'guest:%'", String.class)
                .stream().filter(recipient -> erased.test(recipient.substring(GUEST_PREFIX.length()))).mapToInt(this::forget).sum();
    }

    /**
     * Claims up to {@code limit} letters to send now: PENDING ones to be sent immediately whose time has come, and
     * SENDING ones whose claim ran out (their postman died mid-send). Rows another postman holds locked are skipped.
     * One statement, committed when this returns, so the claim stands before any SMTP call.
     *
     * @param claimedUntil when the claim runs out if the letter is neither sent nor failed by then
     */
    List<ClaimedLetter> claim(int limit, Instant claimedUntil) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.query("""
                UPDATE notification_outbox SET status = 'SENDING', next_attempt_at = ?
                WHERE id IN (SELECT id FROM notification_outbox
                             WHERE status IN ('PENDING', 'SENDING') AND delivery = 'IMMEDIATELY' AND next_attempt_at <= ?
                             ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING\s""" + LETTER_COLUMNS, Outbox::claimed, Timestamp.from(claimedUntil), now, limit)
                .stream().sorted(Comparator.comparingLong(ClaimedLetter::id)).toList();
    }

    /** The letter went out: SENT, and what it said is not kept. */
    void sent(long id) {
        jdbc.update("""
                UPDATE notification_outbox SET status = 'SENT', sent_at = ?, text_body = NULL, html_body = NULL, calendar = NULL
                WHERE id = ? AND status = 'SENDING'""", Timestamp.from(clock.instant()), id);
    }

    /** An attempt failed: tried again at {@code nextAttemptAt}, or never again if {@code givenUp} (FAILED). */
    void failed(long id, int attempts, String reason, Instant nextAttemptAt, boolean givenUp) {
        jdbc.update("""
                UPDATE notification_outbox SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?
                WHERE id = ? AND status = 'SENDING'""",
                givenUp ? "FAILED" : "PENDING", attempts, reason, Timestamp.from(nextAttemptAt), id);
    }

    /** Claimed letters not tried (the postman stops): PENDING again, due now. */
    void release(List<Long> ids) {
        Timestamp now = Timestamp.from(clock.instant());
        ids.forEach(id -> jdbc.update("""
                UPDATE notification_outbox SET status = 'PENDING', next_attempt_at = ? WHERE id = ? AND status = 'SENDING'""",
                now, id));
    }

    /**
     * No SMTP server: every letter that would be sent now becomes HELD with the reason, and stays so.
     *
     * @return how many were held
     */
    int hold(String reason) {
        return jdbc.update("""
                UPDATE notification_outbox SET status = 'HELD', last_error = ?
                WHERE status IN ('PENDING', 'SENDING') AND delivery = 'IMMEDIATELY' AND next_attempt_at <= ?""",
                reason, Timestamp.from(clock.instant()));
    }

    /** The people who have letters waiting for their weekly digest that were added up to {@code addedUpTo}. */
    List<String> waitingForDigest(Instant addedUpTo) {
        return jdbc.queryForList("""
                SELECT DISTINCT recipient_id FROM notification_outbox
                WHERE status = 'PENDING' AND delivery = 'WEEKLY_DIGEST' AND created_at <= ? ORDER BY recipient_id""",
                String.class, Timestamp.from(addedUpTo));
    }

    /**
     * In one transaction: the person's letters waiting for their digest (added up to {@code addedUpTo}) are put
     * together by {@code compose} into one digest letter, which is added unless its key is there already; the letters
     * in it become DIGESTED with the digest's id, their bodies emptied (the digest holds them until it is sent).
     *
     * @return the digest's id, empty if nothing was waiting or this digest was composed already
     */
    Optional<Long> digest(String recipientId, Instant addedUpTo, Function<List<ClaimedLetter>, OutboxLetter> compose) {
        return transaction.execute(status -> {
            List<ClaimedLetter> waiting = jdbc.query("SELECT " + LETTER_COLUMNS + """
                     FROM notification_outbox
                    WHERE recipient_id = ? AND status = 'PENDING' AND delivery = 'WEEKLY_DIGEST' AND created_at <= ?
                    ORDER BY created_at, id FOR UPDATE""", Outbox::claimed, recipientId, Timestamp.from(addedUpTo));
            if (waiting.isEmpty()) {
                return Optional.<Long>empty();
            }
            Optional<Long> digest = insert(compose.apply(waiting));
            digest.ifPresent(digestId -> waiting.forEach(letter -> jdbc.update("""
                    UPDATE notification_outbox SET status = 'DIGESTED', digest_id = ?, text_body = NULL, html_body = NULL,
                        calendar = NULL
                    WHERE id = ?""", digestId, letter.id())));
            return digest;
        });
    }

    Instant now() {
        return clock.instant();
    }

    private static ClaimedLetter claimed(ResultSet rs, int row) throws SQLException {
        return new ClaimedLetter(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient_id"), rs.getString("recipient_name"),
                rs.getString("recipient_address"), rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                rs.getString("calendar"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant());
    }
}
