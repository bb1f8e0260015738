package de.gremium.command.notification;

import java.time.Clock;
import java.time.Instant;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox of e-mails in the record ({@code notification_outbox}, migration V5; docs/notifications.md). A letter is
 * added in the transaction of whoever adds it (the notification processor's, with its token), at most once per
 * {@link OutboxLetter#dedupKey()}; the postman sends it later.
 */
@Component
public class Outbox {

    /** The kind of a weekly digest row. */
    public static final String DIGEST = "DIGEST";

    /** How a guest is named as a recipient: this prefix and the guest's id. */
    public static final String GUEST_PREFIX = "guest:";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Outbox(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** Adds the letter as PENDING, unless one with its key is there already; true if it was added. */
    public boolean enqueue(OutboxLetter letter) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.update("""
                INSERT INTO notification_outbox (dedup_key, kind, recipient_id, recipient_name, recipient_address, delivery,
                    subject, text_body, html_body, calendar, status, attempts, next_attempt_at, created_at, cause_event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)
                ON CONFLICT (dedup_key) DO NOTHING""",
                letter.dedupKey(), letter.kind(), letter.recipientId(), letter.recipientName(), letter.recipientAddress(),
                letter.delivery().name(), letter.subject(), letter.text(), letter.html(), letter.calendar(), now, now,
                letter.causeEventId()) == 1;
    }

    /**
     * An erasure: every row addressed to the person goes, whatever its state (their address appears nowhere after).
     *
     * @return how many rows went
     */
    public int forget(String recipientId) {
        return jdbc.update("DELETE FROM notification_outbox WHERE recipient_id = ?", recipientId);
    }

    Instant now() {
        return clock.instant();
    }
}
