package de.gremium.command.notification;

import de.gremium.platform.privacy.PersonalDataKeys;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
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
 * {@code next_attempt_at} is when the claim runs out and another round takes it up, and is the claim's token: only the
 * postman whose claim it is renews, sends, fails or releases the letter), SENT (bodies emptied), FAILED (gave up, with
 * the reason), HELD (no SMTP server configured: stays, never sent on its own), DIGESTED (went out in the digest row
 * {@code digest_id}).
 */
@Component
public class Outbox {

    /** The kind of a weekly digest row. */
    public static final String DIGEST = "DIGEST";

    /** How a guest is named as a recipient: this prefix and the guest's id. */
    public static final String GUEST_PREFIX = "guest:";

    /** What a letter that will never be sent as it is says after an erasure (its subject; its bodies are emptied). */
    public static final String REMOVED = "entfernt bei einer Löschung";

    /** Why a letter whose claim ran out was taken back (its postman died or hung mid-send). */
    static final String CLAIM_RAN_OUT = "Versand nicht abgeschlossen (der Postbote kam nicht zurück)";

    /** The length of the column {@code subject}. */
    static final int SUBJECT_MAX = 500;

    private static final String LETTER_COLUMNS = """
            id, kind, recipient_id, recipient_name, recipient_address, subject, text_body, html_body, calendar, attempts,
            created_at""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final PersonalDataKeys keys;

    @Autowired
    Outbox(DataSource dataSource, Clock clock, PersonalDataKeys keys) {
        this.jdbc = new JdbcTemplate(dataSource);
        // binds the connection to the data source as the application's transaction manager does: joins its transaction
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
        this.keys = keys;
    }

    Outbox(DataSource dataSource, Clock clock) {
        this(dataSource, clock, new PersonalDataKeys(dataSource));
    }

    /**
     * Adds the letter as PENDING, unless one with its key is there already or its recipient was erased; true if it
     * was added. Under the share of the erasure lock that key writers take ({@link PersonalDataKeys#lockForWriting}),
     * in the caller's transaction (or one of its own): an erasure that committed first left no key, and the letter is
     * not added; one that comes later waits for this transaction to end and then deletes the row.
     */
    public boolean enqueue(OutboxLetter letter) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            keys.lockForWriting();
            return recipientKnown(letter.recipientId()) && insert(letter).isPresent();
        }));
    }

    /** Whether the record still holds the recipient's data: a member's keys, a guest's item key. */
    private boolean recipientKnown(String recipientId) {
        return recipientId.startsWith(GUEST_PREFIX) ? keys.holdsKeysOfItem(recipientId.substring(GUEST_PREFIX.length()))
                : keys.holdsKeysOf(recipientId);
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
                letter.delivery().name(), cut(letter.subject()), letter.text(), letter.html(), letter.calendar(), now, now,
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
     * An erasure, for the letters to others: those that will never be sent as they are (HELD, FAILED) may quote what
     * was erased, so their subject becomes {@link #REMOVED} and their bodies and calendar go. PENDING (and SENDING)
     * letters go out as they are: they were written before the erasure.
     *
     * @return how many letters were emptied
     */
    public int forgetUnsentContent() {
        return jdbc.update("""
                UPDATE notification_outbox SET subject = ?, text_body = NULL, html_body = NULL, calendar = NULL
                WHERE status IN ('HELD', 'FAILED') AND (subject <> ? OR text_body IS NOT NULL OR html_body IS NOT NULL
                    OR calendar IS NOT NULL)""", REMOVED, REMOVED);
    }

    /**
     * The retention: letters that are done with (SENT, HELD, FAILED, DIGESTED) and were added before {@code before}
     * go. Waiting letters (PENDING, SENDING) stay whatever their age.
     *
     * @return how many went
     */
    int forgetOlderThan(Instant before) {
        return jdbc.update("""
                DELETE FROM notification_outbox
                WHERE status IN ('SENT', 'HELD', 'FAILED', 'DIGESTED') AND created_at < ?""", Timestamp.from(before));
    }

    /**
     * Claims up to {@code limit} letters to send now: PENDING ones to be sent immediately whose time has come, and
     * SENDING ones whose claim ran out (their postman died or hung mid-send: that counts as a failed attempt, and one
     * that so reaches {@code maxAttempts} becomes FAILED instead). Rows another postman holds locked are skipped. One
     * statement (the due rows chosen once: {@code MATERIALIZED}), committed when this returns, so the claim stands
     * before any SMTP call.
     *
     * @param claimedUntil when the claim runs out if the letter is neither sent nor failed by then; also the claim's
     *     token ({@link #renew}), taken as {@link #mark}
     */
    List<ClaimedLetter> claim(int limit, Instant claimedUntil, int maxAttempts) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                UPDATE notification_outbox SET status = 'FAILED', attempts = attempts + 1, last_error = ?
                WHERE status = 'SENDING' AND next_attempt_at <= ? AND attempts + 1 >= ?""", CLAIM_RAN_OUT, now, maxAttempts);
        return jdbc.query("""
                WITH due AS MATERIALIZED (
                    SELECT id FROM notification_outbox
                    WHERE status IN ('PENDING', 'SENDING') AND delivery = 'IMMEDIATELY' AND next_attempt_at <= ?
                    ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
                UPDATE notification_outbox o SET status = 'SENDING', next_attempt_at = ?,
                    attempts = CASE WHEN o.status = 'SENDING' THEN o.attempts + 1 ELSE o.attempts END,
                    last_error = CASE WHEN o.status = 'SENDING' THEN ? ELSE o.last_error END
                FROM due WHERE o.id = due.id
                RETURNING o.id, o.kind, o.recipient_id, o.recipient_name, o.recipient_address, o.subject, o.text_body,
                    o.html_body, o.calendar, o.attempts, o.created_at""", Outbox::claimed, now, limit,
                Timestamp.from(mark(claimedUntil)), CLAIM_RAN_OUT)
                .stream().sorted(Comparator.comparingLong(ClaimedLetter::id)).toList();
    }

    /** A claim's token as the column holds it: to the microsecond. */
    static Instant mark(Instant claimedUntil) {
        return claimedUntil.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Right before the SMTP call: renews the claim {@code token} to {@code claimedUntil} (the new token, taken as
     * {@link #mark}). False if the claim is no longer this postman's (it ran out and another took the letter up, or an
     * erasure deleted the row): then the letter is not sent. A later claim's token is always later than the one it
     * replaced (a claim is taken up only once its time has passed), so an old token never matches again.
     */
    boolean renew(long id, Instant token, Instant claimedUntil) {
        return jdbc.update("""
                UPDATE notification_outbox SET next_attempt_at = ?
                WHERE id = ? AND status = 'SENDING' AND next_attempt_at = ?""",
                Timestamp.from(mark(claimedUntil)), id, Timestamp.from(mark(token))) == 1;
    }

    /** The letter went out under the claim {@code token}: SENT, and what it said is not kept. */
    void sent(long id, Instant token) {
        jdbc.update("""
                UPDATE notification_outbox SET status = 'SENT', sent_at = ?, text_body = NULL, html_body = NULL, calendar = NULL
                WHERE id = ? AND status = 'SENDING' AND next_attempt_at = ?""",
                Timestamp.from(clock.instant()), id, Timestamp.from(mark(token)));
    }

    /**
     * An attempt under the claim {@code token} failed: tried again at {@code nextAttemptAt}, or never again if
     * {@code givenUp} (FAILED).
     */
    void failed(long id, Instant token, int attempts, String reason, Instant nextAttemptAt, boolean givenUp) {
        jdbc.update("""
                UPDATE notification_outbox SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?
                WHERE id = ? AND status = 'SENDING' AND next_attempt_at = ?""",
                givenUp ? "FAILED" : "PENDING", attempts, reason, Timestamp.from(nextAttemptAt), id, Timestamp.from(mark(token)));
    }

    /** Claimed letters not tried (the postman stops): PENDING again, due now, where the claim {@code token} is still theirs. */
    void release(List<Long> ids, Instant token) {
        Timestamp now = Timestamp.from(clock.instant());
        ids.forEach(id -> jdbc.update("""
                UPDATE notification_outbox SET status = 'PENDING', next_attempt_at = ?
                WHERE id = ? AND status = 'SENDING' AND next_attempt_at = ?""", now, id, Timestamp.from(mark(token))));
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

    /** A subject that fits its column ({@value #SUBJECT_MAX} characters). */
    private static String cut(String subject) {
        return subject.length() <= SUBJECT_MAX ? subject : subject.substring(0, SUBJECT_MAX - 1) + "…";
    }

    private static ClaimedLetter claimed(ResultSet rs, int row) throws SQLException {
        return new ClaimedLetter(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient_id"), rs.getString("recipient_name"),
                rs.getString("recipient_address"), rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                rs.getString("calendar"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant());
    }
}
