package de.gremium.command.notification;

import de.gremium.command.values.EmailAddress;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends what the {@link Outbox} holds for now through the configured SMTP server (Spring Boot's {@code spring.mail.*};
 * without {@code spring.mail.host} there is no {@link JavaMailSender} and every letter is HELD instead). A letter is
 * claimed (committed) before the SMTP call; sent, it is SENT; refused or unreachable, it is tried again after
 * {@link #backoff waiting longer each time}, and FAILED after {@code maxAttempts}. Right before each SMTP call the
 * postman renews its claim on that letter (the claim's token is its {@code next_attempt_at}); a letter whose claim ran
 * out meanwhile (another postman took it up) or whose row an erasure deleted is skipped, and a late postman's outcome
 * changes nothing. A postman that dies (or hangs) mid-send leaves its claim, which another round takes up after
 * {@link #CLAIM_TIMEOUT} as a failed attempt: that letter may go out twice, under the same Message-ID. Letters done
 * with are deleted after the retention ({@code gremium.notifications.retention}).
 */
@Component
class Postman implements ApplicationListener<ContextClosedEvent> {

    /** Why a letter was not sent when no SMTP server is configured. */
    static final String NO_SERVER = "kein SMTP-Server eingerichtet";

    /** Why a letter to an address that is none was not sent. */
    static final String BAD_ADDRESS = "keine gültige E-Mail-Adresse: ";

    /** The default of {@code gremium.notifications.retention}. */
    static final String RETENTION = "P90D";

    /**
     * How long a claim holds: longer than one attempt can take with the SMTP timeouts of command-side.properties
     * (renewed before each letter, so only one send must fit).
     */
    static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(5);

    /** How many letters one claim takes. */
    static final int BATCH = 20;

    private static final int REASON_MAX = 500;
    private static final Logger log = LoggerFactory.getLogger(Postman.class);

    private final Outbox outbox;
    private final Optional<JavaMailSender> mail;
    private final NotificationProperties properties;
    private final Clock clock;
    private final Duration retention;
    private volatile boolean closing;

    /**
     * @param retention how long letters done with (SENT, HELD, FAILED, DIGESTED) are kept after they were added
     *     ({@code gremium.notifications.retention}, e.g. {@code P90D} or {@code 90d}; at least a day)
     */
    @Autowired
    Postman(Outbox outbox, Optional<JavaMailSender> mail, NotificationProperties properties, Clock clock,
            @Value("${gremium.notifications.retention:" + RETENTION + "}") String retention) {
        this.outbox = outbox;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
        this.retention = DurationStyle.detectAndParse(retention);
        if (this.retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalStateException("gremium.notifications.retention must be at least a day: " + retention);
        }
        try {
            LetterMessage.address(properties.sender());
        } catch (MessagingException | UnsupportedEncodingException e) {
            // else every letter would fail for good
            throw new IllegalStateException("gremium.notifications.sender is no e-mail address: " + properties.sender(), e);
        }
    }

    Postman(Outbox outbox, Optional<JavaMailSender> mail, NotificationProperties properties, Clock clock) {
        this(outbox, mail, properties, clock, RETENTION);
    }

    /**
     * The retention: deletes the letters done with that were added longer than the retention ago.
     *
     * @return how many went
     */
    int clearOut() {
        int gone = outbox.forgetOlderThan(clock.instant().minus(retention));
        if (gone > 0) {
            log.info("deleted {} outbox letters older than {}", gone, retention);
        }
        return gone;
    }

    /**
     * Sends every letter that is due now (or holds them all, without an SMTP server).
     *
     * @return how many were sent
     */
    int deliverDue() {
        if (closing) {
            return 0;
        }
        if (mail.isEmpty()) {
            int held = outbox.hold(NO_SERVER);
            if (held > 0) {
                log.info("held {} e-mails: no SMTP server configured (spring.mail.host)", held);
            }
            return 0;
        }
        int sent = 0;
        List<ClaimedLetter> claimed;
        do {
            Instant token = Outbox.mark(clock.instant().plus(CLAIM_TIMEOUT));
            claimed = outbox.claim(BATCH, token, properties.maxAttempts());
            for (int i = 0; i < claimed.size(); i++) {
                if (closing || Thread.currentThread().isInterrupted()) {
                    outbox.release(claimed.subList(i, claimed.size()).stream().map(ClaimedLetter::id).toList(), token);
                    return sent;
                }
                ClaimedLetter letter = claimed.get(i);
                // the batch's claim may have run out while the letters before were sent: this letter's claim anew
                Instant renewed = Outbox.mark(clock.instant().plus(CLAIM_TIMEOUT));
                if (!outbox.renew(letter.id(), token, renewed)) {
                    log.info("outbox letter {} skipped: its claim ran out or it was deleted", letter.id());
                    continue;
                }
                sent += deliver(mail.get(), letter, renewed) ? 1 : 0;
            }
        } while (claimed.size() == BATCH);
        return sent;
    }

    /** The application stops: a round in flight finishes the letter it is sending and gives the rest back. */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closing = true;
    }

    private boolean deliver(JavaMailSender sender, ClaimedLetter letter, Instant token) {
        Optional<String> badAddress = EmailAddress.problem(letter.recipientAddress());
        if (badAddress.isPresent()) {
            // the processor writes only valid addresses; one that is none (a placeholder) will not be better tomorrow
            log.warn("outbox letter {} cannot be sent: its address is none", letter.id());
            outbox.failed(letter.id(), token, letter.attempts() + 1, BAD_ADDRESS + badAddress.get(), clock.instant(), true);
            return false;
        }
        MimeMessage message = sender.createMimeMessage();
        try {
            LetterMessage.fill(message, letter, properties.sender(), clock.instant());
        } catch (MessagingException | UnsupportedEncodingException | IllegalArgumentException e) {
            // a letter that cannot be put together (a broken address) will not be better tomorrow
            log.warn("outbox letter {} cannot be sent: {}", letter.id(), e.getClass().getSimpleName());
            outbox.failed(letter.id(), token, letter.attempts() + 1, reason(e), clock.instant(), true);
            return false;
        }
        try {
            sender.send(message);
        } catch (MailException e) {
            int attempts = letter.attempts() + 1;
            boolean givenUp = attempts >= properties.maxAttempts();
            Instant next = clock.instant().plus(backoff(properties.retryFirst(), properties.retryMax(), attempts));
            log.warn("outbox letter {} not sent (attempt {}{}): {}", letter.id(), attempts, givenUp ? ", given up" : "",
                    e.getClass().getSimpleName());
            outbox.failed(letter.id(), token, attempts, reason(e), next, givenUp);
            return false;
        }
        outbox.sent(letter.id(), token);
        return true;
    }

    /** The wait after the {@code attempts}-th failure: {@code first * 2^(attempts-1)}, at most {@code max}. */
    static Duration backoff(Duration first, Duration max, int attempts) {
        Duration wait = first;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** What went wrong, on one line and short: the exception and its innermost cause, no stack trace. */
    static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = describe(failure);
        if (root != failure) {
            reason += " (" + describe(root) + ")";
        }
        reason = reason.replaceAll("\\s+", " ").trim();
        return reason.length() <= REASON_MAX ? reason : reason.substring(0, REASON_MAX - 1) + "…";
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
