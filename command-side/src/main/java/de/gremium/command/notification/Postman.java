package de.gremium.command.notification;

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
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends what the {@link Outbox} holds for now through the configured SMTP server (Spring Boot's {@code spring.mail.*};
 * without {@code spring.mail.host} there is no {@link JavaMailSender} and every letter is HELD instead). A letter is
 * claimed (committed) before the SMTP call; sent, it is SENT; refused or unreachable, it is tried again after
 * {@link #backoff waiting longer each time}, and FAILED after {@code maxAttempts}. A postman that dies mid-send leaves
 * its claim, which another round takes up after {@link #CLAIM_TIMEOUT}: that letter may go out twice, under the same
 * Message-ID.
 */
@Component
class Postman implements ApplicationListener<ContextClosedEvent> {

    /** Why a letter was not sent when no SMTP server is configured. */
    static final String NO_SERVER = "kein SMTP-Server eingerichtet";

    /** How long a claim holds: longer than an attempt can take with the SMTP timeouts of command-side.properties. */
    static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(5);

    /** How many letters one claim takes. */
    static final int BATCH = 20;

    private static final int REASON_MAX = 500;
    private static final Logger log = LoggerFactory.getLogger(Postman.class);

    private final Outbox outbox;
    private final Optional<JavaMailSender> mail;
    private final NotificationProperties properties;
    private final Clock clock;
    private volatile boolean closing;

    Postman(Outbox outbox, Optional<JavaMailSender> mail, NotificationProperties properties, Clock clock) {
        this.outbox = outbox;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
        try {
            LetterMessage.address(properties.sender());
        } catch (MessagingException | UnsupportedEncodingException e) {
            // else every letter would fail for good
            throw new IllegalStateException("gremium.notifications.sender is no e-mail address: " + properties.sender(), e);
        }
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
            claimed = outbox.claim(BATCH, clock.instant().plus(CLAIM_TIMEOUT));
            for (int i = 0; i < claimed.size(); i++) {
                if (closing || Thread.currentThread().isInterrupted()) {
                    outbox.release(claimed.subList(i, claimed.size()).stream().map(ClaimedLetter::id).toList());
                    return sent;
                }
                sent += deliver(mail.get(), claimed.get(i)) ? 1 : 0;
            }
        } while (claimed.size() == BATCH);
        return sent;
    }

    /** The application stops: a round in flight finishes the letter it is sending and gives the rest back. */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closing = true;
    }

    private boolean deliver(JavaMailSender sender, ClaimedLetter letter) {
        MimeMessage message = sender.createMimeMessage();
        try {
            LetterMessage.fill(message, letter, properties.sender(), clock.instant());
        } catch (MessagingException | UnsupportedEncodingException | IllegalArgumentException e) {
            // a letter that cannot be put together (a broken address) will not be better tomorrow
            log.warn("outbox letter {} cannot be sent: {}", letter.id(), e.getClass().getSimpleName());
            outbox.failed(letter.id(), letter.attempts() + 1, reason(e), clock.instant(), true);
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
            outbox.failed(letter.id(), attempts, reason(e), next, givenUp);
            return false;
        }
        outbox.sent(letter.id());
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
