package de.gremium.command.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import de.gremium.events.group.NotificationDelivery;
import de.gremium.platform.privacy.PersonalDataKeys;
import de.gremium.platform.testing.TestStore;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The postman against an in-process SMTP server (GreenMail) and an outbox in a record database of its own. */
class PostmanTest {

    static final int PORT = TestStore.freePort();
    static final Instant T0 = Instant.parse("2027-01-11T09:00:00Z");
    static final String SENDER = "Projektgruppe Integration <gremium@magdeburg.example>";
    static final String CALENDAR = String.join("\r\n", "BEGIN:VCALENDAR", "PRODID:-//Gremium//DE", "VERSION:2.0",
            "METHOD:REQUEST", "BEGIN:VEVENT", "UID:meeting-q1@gremium", "SEQUENCE:1", "DTSTAMP:20270110T090000Z",
            "DTSTART:20270115T130000Z", "DTEND:20270115T150000Z", "SUMMARY:Sitzung Q1/2027 – Übergänge", "END:VEVENT",
            "END:VCALENDAR", "");

    @RegisterExtension
    GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    MovableClock clock;
    DataSource dataSource;
    JdbcTemplate jdbc;
    Outbox outbox;

    @BeforeEach
    void start() {
        clock = new MovableClock(T0);
        dataSource = TestStore.migratedDataSource(TestStore.newRecord());
        jdbc = new JdbcTemplate(dataSource);
        outbox = new Outbox(dataSource, clock);
        known(dataSource, "anna.amt50", "jonas.fb32");
    }

    /**
     * The record holds data of these recipients (a member id, or {@code guest:<id>}), as it does of every member and
     * guest: the outbox takes letters only to people not erased.
     */
    static void known(DataSource dataSource, String... recipients) {
        PersonalDataKeys keys = new PersonalDataKeys(dataSource);
        for (String recipient : recipients) {
            if (recipient.startsWith(Outbox.GUEST_PREFIX)) {
                keys.keyFor("koordinator", recipient.substring(Outbox.GUEST_PREFIX.length()));
            } else {
                keys.keyFor(recipient, "");
            }
        }
    }

    static NotificationProperties properties(Duration retryFirst, Duration retryMax, int maxAttempts) {
        return new NotificationProperties(SENDER, null, null, null, null, null, null, null, null, null, retryFirst, retryMax,
                maxAttempts);
    }

    static JavaMailSender mailSender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        Properties timeouts = new Properties();
        timeouts.put("mail.smtp.connectiontimeout", "5000");
        timeouts.put("mail.smtp.timeout", "5000");
        timeouts.put("mail.smtp.writetimeout", "5000");
        sender.setJavaMailProperties(timeouts);
        return sender;
    }

    Postman postman() {
        return postman(properties(Duration.ofMinutes(1), Duration.ofMinutes(5), 10));
    }

    Postman postman(NotificationProperties properties) {
        return new Postman(outbox, Optional.of(mailSender(PORT)), properties, clock);
    }

    static OutboxLetter letter(String key, String calendar) {
        return new OutboxLetter(key, "MEETING_INVITATIONS", "anna.amt50", "Anna Bäcker", "anna.becker@magdeburg.example",
                NotificationDelivery.IMMEDIATELY, "Einladung: Sitzung Q1/2027 am 15.01.", "Guten Tag Anna Bäcker,\n\nÜbergänge.",
                "<p>Guten Tag Anna B&auml;cker,</p><p>&Uuml;berg&auml;nge.</p>", calendar, "event-1");
    }

    Map<String, Object> row(String key) {
        return jdbc.queryForMap("SELECT * FROM notification_outbox WHERE dedup_key = ?", key);
    }

    static Instant instant(Object timestamp) {
        return ((java.sql.Timestamp) timestamp).toInstant();
    }

    static String content(Part part) throws Exception {
        return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void anInvitationIsDeliveredOnceAsTextHtmlAndCalendarAndTheOutboxKeepsNoBody() throws Exception {
        outbox.enqueue(letter("e-1/MEETING_INVITATIONS/anna.amt50", CALENDAR));
        Postman postman = postman();

        assertThat(postman.deliverDue()).isEqualTo(1);
        assertThat(postman.deliverDue()).as("a sent letter is not sent again").isZero();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("Einladung: Sitzung Q1/2027 am 15.01.");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("gremium@magdeburg.example");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Projektgruppe Integration");
        assertThat(((InternetAddress) mail.getAllRecipients()[0]).getPersonal()).isEqualTo("Anna Bäcker");
        assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        long id = (Long) row("e-1/MEETING_INVITATIONS/anna.amt50").get("id");
        assertThat(mail.getMessageID()).startsWith("<gremium." + id + ".").endsWith("@magdeburg.example>");

        assertThat(mail.getContentType()).startsWith("multipart/mixed");
        Multipart mixed = (Multipart) mail.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getCount()).isEqualTo(3);
        BodyPart text = alternative.getBodyPart(0);
        assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(content(text)).isEqualTo("Guten Tag Anna Bäcker,\n\nÜbergänge.".replace("\n", "\r\n"));
        BodyPart html = alternative.getBodyPart(1);
        assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        assertThat(content(html)).contains("<p>&Uuml;berg&auml;nge.</p>");
        BodyPart calendar = alternative.getBodyPart(2);
        assertThat(calendar.getContentType()).startsWith("text/calendar").contains("method=REQUEST").containsIgnoringCase("charset=UTF-8");
        assertThat(content(calendar)).isEqualTo(CALENDAR);
        BodyPart attachment = mixed.getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("invite.ics");
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(content(attachment)).isEqualTo(CALENDAR);

        Map<String, Object> row = row("e-1/MEETING_INVITATIONS/anna.amt50");
        assertThat(row).containsEntry("status", "SENT").containsEntry("attempts", 0)
                .containsEntry("text_body", null).containsEntry("html_body", null).containsEntry("calendar", null);
        assertThat(instant(row.get("sent_at"))).isEqualTo(T0);
    }

    @Test
    void aLetterWithoutCalendarIsTextAndHtmlAlternativesAndACancellationSaysCancel() throws Exception {
        outbox.enqueue(letter("e-1/MINUTES/anna.amt50", null));
        outbox.enqueue(letter("e-2/MEETING_INVITATIONS/anna.amt50", CALENDAR.replace("METHOD:REQUEST", "METHOD:CANCEL")));

        assertThat(postman().deliverDue()).isEqualTo(2);

        MimeMessage plain = smtp.getReceivedMessages()[0];
        assertThat(plain.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) plain.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        Multipart cancelled = (Multipart) ((Multipart) smtp.getReceivedMessages()[1].getContent()).getBodyPart(0).getContent();
        assertThat(cancelled.getBodyPart(2).getContentType()).contains("method=CANCEL");
        assertThat(plain.getMessageID()).isNotEqualTo(smtp.getReceivedMessages()[1].getMessageID());
    }

    @Test
    void whileTheServerIsAwayAttemptsGrowWithALongerWaitEachTimeAndTheLetterGoesOutOnceItIsBack() throws Exception {
        smtp.stop();
        outbox.enqueue(letter("e-1/MINUTES/anna.amt50", null));
        Postman postman = postman(properties(Duration.ofMinutes(1), Duration.ofMinutes(5), 10));

        assertThat(postman.deliverDue()).isZero();
        Map<String, Object> first = row("e-1/MINUTES/anna.amt50");
        assertThat(first).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat(instant(first.get("next_attempt_at"))).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        String reason = (String) first.get("last_error");
        assertThat(reason).contains("Mail server connection failed").doesNotContain("\n").doesNotContain("\tat ");
        assertThat(reason.length()).isLessThanOrEqualTo(500);

        clock.advance(Duration.ofSeconds(30));
        postman.deliverDue();
        assertThat(row("e-1/MINUTES/anna.amt50")).as("not due yet").containsEntry("attempts", 1);

        Duration[] waits = {Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(5), Duration.ofMinutes(5)};
        Instant due = T0.plus(Duration.ofMinutes(1));
        for (int attempt = 2; attempt <= 5; attempt++) {
            clock.set(due);
            postman.deliverDue();
            Map<String, Object> row = row("e-1/MINUTES/anna.amt50");
            assertThat(row).containsEntry("attempts", attempt).containsEntry("status", "PENDING");
            due = due.plus(waits[attempt - 2]);
            assertThat(instant(row.get("next_attempt_at"))).as("wait after attempt " + attempt).isEqualTo(due);
        }

        smtp.start();
        clock.set(due);
        assertThat(postman.deliverDue()).isEqualTo(1);
        assertThat(postman.deliverDue()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(row("e-1/MINUTES/anna.amt50")).containsEntry("status", "SENT").containsEntry("attempts", 5);
    }

    @Test
    void afterTheLastAttemptTheLetterHasFailedWithItsReasonAndIsNotTriedAgain() {
        smtp.stop();
        outbox.enqueue(letter("e-1/MINUTES/anna.amt50", null));
        Postman postman = postman(properties(Duration.ofMinutes(1), Duration.ofMinutes(1), 2));

        postman.deliverDue();
        clock.advance(Duration.ofMinutes(1));
        postman.deliverDue();
        smtp.start();
        clock.advance(Duration.ofHours(1));
        postman.deliverDue();

        assertThat(row("e-1/MINUTES/anna.amt50")).containsEntry("status", "FAILED").containsEntry("attempts", 2)
                .hasEntrySatisfying("last_error", reason -> assertThat((String) reason).contains("Mail server connection failed"));
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aClaimLeftByAPostmanThatDiedIsTakenUpAgainOnceItRanOut() {
        outbox.enqueue(letter("e-1/MINUTES/anna.amt50", null));
        assertThat(outbox.claim(Postman.BATCH, T0.plus(Postman.CLAIM_TIMEOUT), 10)).hasSize(1); // and then the JVM died

        assertThat(postman().deliverDue()).as("the claim still holds").isZero();
        assertThat(row("e-1/MINUTES/anna.amt50")).containsEntry("status", "SENDING");

        clock.advance(Postman.CLAIM_TIMEOUT);
        assertThat(postman().deliverDue()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(row("e-1/MINUTES/anna.amt50")).as("the claim that ran out counts as an attempt")
                .containsEntry("status", "SENT").containsEntry("attempts", 1);
    }

    @Test
    void aLetterThatHangsEveryPostmanFailsAfterTheLastAttemptInsteadOfBeingTakenUpForEver() {
        outbox.enqueue(letter("e-1/MINUTES/anna.amt50", null));
        for (int attempt = 1; attempt <= 3; attempt++) {
            // a postman claims it and hangs (or dies) in the SMTP call
            assertThat(outbox.claim(Postman.BATCH, clock.instant().plus(Postman.CLAIM_TIMEOUT), 3)).as("claim " + attempt).hasSize(1);
            clock.advance(Postman.CLAIM_TIMEOUT);
        }

        assertThat(postman(properties(Duration.ofMinutes(1), Duration.ofMinutes(5), 3)).deliverDue()).isZero();

        assertThat(row("e-1/MINUTES/anna.amt50")).containsEntry("status", "FAILED").containsEntry("attempts", 3)
                .containsEntry("last_error", Outbox.CLAIM_RAN_OUT);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aPostmanWhoseClaimRanOutWhileItSentOthersSkipsTheLetterAndCannotOverwriteTheNewClaim() {
        outbox.enqueue(letter("e-1/MINUTES/anna.amt50", null));
        long id = (Long) row("e-1/MINUTES/anna.amt50").get("id");
        Instant slowToken = Outbox.mark(T0.plus(Postman.CLAIM_TIMEOUT));
        assertThat(outbox.claim(Postman.BATCH, slowToken, 10)).hasSize(1); // a slow postman's batch

        // its SMTP server was slow: the claim ran out, and a second postman takes the letter up
        clock.advance(Postman.CLAIM_TIMEOUT.plusSeconds(1));
        Instant fastToken = Outbox.mark(clock.instant().plus(Postman.CLAIM_TIMEOUT));
        assertThat(outbox.claim(Postman.BATCH, fastToken, 10)).hasSize(1);

        // the slow postman comes to the letter (or finishes with it): the claim is no longer its own
        assertThat(outbox.renew(id, slowToken, clock.instant().plus(Postman.CLAIM_TIMEOUT))).as("not sent by it").isFalse();
        outbox.failed(id, slowToken, 1, "late", clock.instant(), false);
        outbox.release(java.util.List.of(id), slowToken);
        outbox.sent(id, slowToken);
        assertThat(row("e-1/MINUTES/anna.amt50")).as("the second postman's claim stands").containsEntry("status", "SENDING")
                .containsEntry("last_error", Outbox.CLAIM_RAN_OUT);
        assertThat(instant(row("e-1/MINUTES/anna.amt50").get("next_attempt_at"))).isEqualTo(fastToken);

        outbox.sent(id, fastToken);
        assertThat(row("e-1/MINUTES/anna.amt50")).containsEntry("status", "SENT");
    }

    @Test
    void twoPostmenWithOverlappingClaimsSendEachLetterOnce() {
        outbox.enqueue(letter("e-1/MINUTES/anna.amt50", null));
        outbox.enqueue(letter("e-2/MINUTES/anna.amt50", null));
        long second = (Long) row("e-2/MINUTES/anna.amt50").get("id");
        Instant slowToken = Outbox.mark(T0.plus(Postman.CLAIM_TIMEOUT));
        assertThat(outbox.claim(Postman.BATCH, slowToken, 10)).hasSize(2);

        // the slow postman took longer than the claim for the first letter; meanwhile a second postman took both up
        clock.advance(Postman.CLAIM_TIMEOUT.plusSeconds(1));
        Instant fastToken = Outbox.mark(clock.instant().plus(Postman.CLAIM_TIMEOUT));
        assertThat(outbox.claim(Postman.BATCH, fastToken, 10)).hasSize(2);

        assertThat(outbox.renew(second, slowToken, clock.instant().plus(Postman.CLAIM_TIMEOUT)))
                .as("the slow postman does not send the second letter").isFalse();
        assertThat(outbox.renew(second, fastToken, clock.instant().plus(Postman.CLAIM_TIMEOUT)))
                .as("the second postman does").isTrue();
    }

    @Test
    void aLetterWhoseRowAnErasureDeletedWhileItWasClaimedIsNotSent() {
        outbox.enqueue(letter("e-1/MINUTES/anna.amt50", null));
        outbox.enqueue(new OutboxLetter("e-1/MINUTES/jonas.fb32", "MINUTES", "jonas.fb32", "Jonas Wolf", "jonas.wolf@magdeburg.example",
                NotificationDelivery.IMMEDIATELY, "Protokoll", "Text", "<p>Text</p>", null, "event-1"));
        Instant token = Outbox.mark(T0.plus(Postman.CLAIM_TIMEOUT));
        assertThat(outbox.claim(Postman.BATCH, token, 10)).hasSize(2);

        outbox.forget("jonas.fb32");

        assertThat(outbox.renew((Long) row("e-1/MINUTES/anna.amt50").get("id"), token, token)).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification_outbox WHERE recipient_id = 'jonas.fb32'", Integer.class)).isZero();
    }

    @Test
    void aLetterToWhatIsNoAddressFailsAtOnceWithTheReason() {
        outbox.enqueue(new OutboxLetter("e-1/MINUTES/jonas.fb32", "MINUTES", "jonas.fb32", "Jonas Wolf", "gelöschte Person",
                NotificationDelivery.IMMEDIATELY, "Protokoll", "Text", "<p>Text</p>", null, "event-1"));
        outbox.enqueue(letter("e-1/MINUTES/anna.amt50", null));

        assertThat(postman().deliverDue()).as("the other letter goes out").isEqualTo(1);

        assertThat(row("e-1/MINUTES/jonas.fb32")).containsEntry("status", "FAILED").containsEntry("attempts", 1)
                .hasEntrySatisfying("last_error", reason -> assertThat((String) reason).startsWith(Postman.BAD_ADDRESS));
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void lettersDoneWithGoAfterTheRetentionAndWaitingOnesStay() {
        for (String key : new String[] {"sent", "held", "failed", "digested", "pending", "fresh"}) {
            outbox.enqueue(new OutboxLetter(key, "MINUTES", "anna.amt50", "Anna", "anna.becker@magdeburg.example",
                    NotificationDelivery.IMMEDIATELY, "Protokoll", "Text", "<p>Text</p>", null, null));
        }
        jdbc.update("UPDATE notification_outbox SET status = upper(dedup_key) WHERE dedup_key IN ('sent', 'held', 'failed', 'digested')");
        jdbc.update("UPDATE notification_outbox SET status = 'SENT' WHERE dedup_key = 'fresh'");
        jdbc.update("UPDATE notification_outbox SET created_at = created_at - interval '91 days' WHERE dedup_key <> 'fresh'");

        assertThat(postman().clearOut()).isEqualTo(4);

        assertThat(jdbc.queryForList("SELECT dedup_key FROM notification_outbox", String.class)).containsExactlyInAnyOrder("pending", "fresh");
        assertThat(new Postman(outbox, Optional.empty(), properties(Duration.ofMinutes(1), Duration.ofHours(1), 30), clock, "400d")
                .clearOut()).as("a longer retention keeps them").isZero();
        assertThatThrownBy(() -> new Postman(outbox, Optional.empty(), properties(Duration.ofMinutes(1), Duration.ofHours(1), 30),
                clock, "PT1M")).hasMessageContaining("gremium.notifications.retention");
    }

    @Test
    void settingsThatMakeNoSenseStopTheStart() {
        assertThatThrownBy(() -> properties(Duration.ZERO, Duration.ofHours(1), 30)).hasMessageContaining("retry-first");
        assertThatThrownBy(() -> properties(Duration.ofHours(2), Duration.ofHours(1), 30)).hasMessageContaining("retry-max");
        assertThatThrownBy(() -> properties(Duration.ofMinutes(1), Duration.ofDays(8), 30)).hasMessageContaining("retry-max");
        assertThatThrownBy(() -> properties(Duration.ofMinutes(1), Duration.ofHours(1), 0)).hasMessageContaining("max-attempts");
        assertThatThrownBy(() -> new NotificationProperties(SENDER, null, null, null, null, null, null, null, null, Duration.ZERO,
                null, null, null)).hasMessageContaining("poll-interval");
        assertThatThrownBy(() -> new NotificationProperties(SENDER, null, null, null, null, null, Duration.ofDays(-1), null, null,
                null, null, null, null)).hasMessageContaining("agenda-before");
        assertThatThrownBy(() -> new NotificationProperties("  ", null, null, null, null, null, null, null, null, null, null,
                null, null)).hasMessageContaining("sender");
        assertThat(properties(Duration.ofMinutes(1), Duration.ofMinutes(1), 1).maxAttempts()).isOne();
    }

    @Test
    void aLetterAnotherPostmanHoldsLockedIsSkipped() throws Exception {
        outbox.enqueue(letter("e-1/MINUTES/anna.amt50", null));
        try (Connection other = dataSource.getConnection(); Statement lock = other.createStatement()) {
            other.setAutoCommit(false);
            lock.executeQuery("SELECT id FROM notification_outbox FOR UPDATE").close();

            assertThat(postman().deliverDue()).isZero();

            other.rollback();
        }
        assertThat(postman().deliverDue()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void withoutAnSmtpServerLettersAreHeldWithTheReasonAndNeverSentLaterOnTheirOwn() {
        outbox.enqueue(letter("e-1/MINUTES/anna.amt50", null));
        outbox.enqueue(new OutboxLetter("e-1/MINUTES/jonas.fb32", "MINUTES", "jonas.fb32", "Jonas Wolf", "jonas.wolf@magdeburg.example",
                NotificationDelivery.WEEKLY_DIGEST, "Protokoll", "Text", "<p>Text</p>", null, "event-1"));
        Postman withoutServer = new Postman(outbox, Optional.empty(), properties(Duration.ofMinutes(1), Duration.ofHours(1), 30), clock);

        assertThat(withoutServer.deliverDue()).isZero();

        assertThat(row("e-1/MINUTES/anna.amt50")).containsEntry("status", "HELD").containsEntry("attempts", 0)
                .containsEntry("last_error", "kein SMTP-Server eingerichtet")
                .hasEntrySatisfying("text_body", text -> assertThat(text).as("what would have been sent").isNotNull());
        assertThat(row("e-1/MINUTES/jonas.fb32")).as("waits for its digest").containsEntry("status", "PENDING");

        clock.advance(Duration.ofDays(1));
        assertThat(postman().deliverDue()).as("a server configured later").isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(row("e-1/MINUTES/anna.amt50")).containsEntry("status", "HELD");
    }

    @Test
    void aPostmanWhoseApplicationStopsSendsNothingMoreAndLeavesTheLettersDue() {
        outbox.enqueue(letter("e-1/MINUTES/anna.amt50", null));
        Postman stopping = postman();
        stopping.onApplicationEvent(null);

        assertThat(stopping.deliverDue()).isZero();
        assertThat(row("e-1/MINUTES/anna.amt50")).containsEntry("status", "PENDING").containsEntry("attempts", 0);
        assertThat(postman().deliverDue()).as("the next start sends it").isEqualTo(1);
    }

    @Test
    void aSenderThatIsNoAddressStopsTheStartInsteadOfFailingEveryLetter() {
        NotificationProperties broken = new NotificationProperties("Projektgruppe <kein Absender>", null, null, null, null, null,
                null, null, null, null, null, null, null);

        assertThatThrownBy(() -> postman(broken)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gremium.notifications.sender");
    }

    @Test
    void theWaitDoublesFromTheFirstUpToTheLongest() {
        assertThat(Postman.backoff(Duration.ofMinutes(1), Duration.ofHours(1), 1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Postman.backoff(Duration.ofMinutes(1), Duration.ofHours(1), 3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(Postman.backoff(Duration.ofMinutes(1), Duration.ofHours(1), 7)).isEqualTo(Duration.ofHours(1));
        assertThat(Postman.backoff(Duration.ofMinutes(1), Duration.ofHours(1), 1000)).isEqualTo(Duration.ofHours(1));
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
