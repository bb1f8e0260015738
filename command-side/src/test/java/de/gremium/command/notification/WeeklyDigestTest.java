package de.gremium.command.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import de.gremium.command.notification.PostmanTest.MovableClock;
import de.gremium.events.group.NotificationDelivery;
import de.gremium.platform.testing.TestStore;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** The weekly digest (Mondays at 07:00 in Europe/Berlin, the defaults) in a record database of its own. */
class WeeklyDigestTest {

    static final int PORT = TestStore.freePort();
    /** Sunday noon in Magdeburg; the next digest is Monday 2027-01-11 07:00 (06:00 UTC), ISO week 2027-W02. */
    static final Instant SUNDAY = Instant.parse("2027-01-10T11:00:00Z");
    static final Instant MONDAY_0700 = Instant.parse("2027-01-11T06:00:00Z");

    @RegisterExtension
    GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    MovableClock clock;
    JdbcTemplate jdbc;
    Outbox outbox;
    NotificationProperties properties;
    WeeklyDigest digest;

    @BeforeEach
    void start() {
        clock = new MovableClock(SUNDAY);
        DataSource dataSource = TestStore.migratedDataSource(TestStore.newRecord());
        jdbc = new JdbcTemplate(dataSource);
        outbox = new Outbox(dataSource, clock);
        PostmanTest.known(dataSource, "anna.amt50", "jonas.fb32");
        properties = new NotificationProperties(PostmanTest.SENDER, null, null, null, null, null, null, null, null, null, null,
                null, null);
        digest = new WeeklyDigest(outbox, properties, clock);
    }

    static OutboxLetter weekly(String key, String recipient, String subject, String calendar) {
        return new OutboxLetter(key + "/" + recipient, "MINUTES", recipient, "Anna Bäcker", recipient + "@magdeburg.example",
                NotificationDelivery.WEEKLY_DIGEST, subject, "Text zu " + subject + "\nmit <Zeichen> & Umlauten: äöü",
                "<p>HTML zu " + subject + "</p>", calendar, key);
    }

    Map<String, Object> row(String key) {
        return jdbc.queryForMap("SELECT * FROM notification_outbox WHERE dedup_key = ?", key);
    }

    @Test
    void onTheDigestDayEachPersonGetsOneDigestOfWhatWaitedAndLaterLettersWaitForTheNextWeek() {
        outbox.enqueue(weekly("e-1", "anna.amt50", "Protokoll der Sitzung Q4/2026", null));
        outbox.enqueue(weekly("e-2", "anna.amt50", "Einladung: Sitzung Q1/2027", PostmanTest.CALENDAR));
        outbox.enqueue(weekly("e-3", "jonas.fb32", "Entscheidung zur Empfehlung 4", null));
        outbox.enqueue(PostmanTest.letter("e-4/MINUTES/anna.amt50", null));

        assertThat(digest.composeDue()).as("the digest moment has not come").isZero();
        clock.set(MONDAY_0700.minusSeconds(1));
        assertThat(digest.composeDue()).isZero();

        clock.set(MONDAY_0700);
        assertThat(digest.composeDue()).isEqualTo(2);
        assertThat(digest.composeDue()).as("once a week").isZero();

        Map<String, Object> anna = row("digest/anna.amt50/2027-W02");
        assertThat(anna).containsEntry("kind", "DIGEST").containsEntry("delivery", "IMMEDIATELY").containsEntry("status", "PENDING")
                .containsEntry("recipient_address", "anna.amt50@magdeburg.example").containsEntry("calendar", null);
        assertThat((String) anna.get("subject")).isEqualTo("Ihre Wochenübersicht: 2 Benachrichtigungen (KW 02)");
        assertThat((String) anna.get("text_body")).contains("Guten Tag Anna Bäcker,", "1. Protokoll der Sitzung Q4/2026",
                "Text zu Protokoll der Sitzung Q4/2026\nmit <Zeichen> & Umlauten: äöü", "2. Einladung: Sitzung Q1/2027",
                "Einladungen stehen hier nur als Text", "http://localhost:8082/benachrichtigungen");
        assertThat((String) anna.get("html_body")).contains("mit &lt;Zeichen&gt; &amp; Umlauten", "<h2>2. Einladung: Sitzung Q1/2027</h2>")
                .doesNotContain("<Zeichen>");
        assertThat(row("digest/jonas.fb32/2027-W02").get("text_body")).asString().contains("1 Benachrichtigung")
                .doesNotContain("Einladungen stehen hier");
        for (String key : List.of("e-1/anna.amt50", "e-2/anna.amt50")) {
            assertThat(row(key)).containsEntry("status", "DIGESTED").containsEntry("digest_id", anna.get("id"))
                    .containsEntry("text_body", null).containsEntry("html_body", null).containsEntry("calendar", null);
        }
        assertThat(row("e-4/MINUTES/anna.amt50")).as("immediate letters are not digested").containsEntry("status", "PENDING");

        clock.advance(Duration.ofHours(1));
        outbox.enqueue(weekly("e-5", "anna.amt50", "Tagesordnung Q1/2027", null));
        assertThat(digest.composeDue()).isZero();
        assertThat(row("e-5/anna.amt50")).containsEntry("status", "PENDING");

        clock.set(MONDAY_0700.plus(Duration.ofDays(7)));
        assertThat(digest.composeDue()).isEqualTo(1);
        assertThat(row("e-5/anna.amt50")).containsEntry("status", "DIGESTED")
                .containsEntry("digest_id", row("digest/anna.amt50/2027-W03").get("id"));
    }

    @Test
    void aDigestMissedOnItsDayIsComposedLateButOnlyOnce() {
        outbox.enqueue(weekly("e-1", "anna.amt50", "Protokoll", null));

        clock.set(MONDAY_0700.plus(Duration.ofDays(2))); // the server was down on Monday
        assertThat(digest.composeDue()).isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        assertThat(digest.composeDue()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification_outbox WHERE kind = 'DIGEST'", Integer.class)).isOne();
    }

    @Test
    void theDigestGoesOutAsAnOrdinaryLetterWithoutCalendar() throws Exception {
        outbox.enqueue(weekly("e-1", "anna.amt50", "Einladung: Sitzung Q1/2027", PostmanTest.CALENDAR));
        clock.set(MONDAY_0700);
        digest.composeDue();

        assertThat(new Postman(outbox, Optional.of(PostmanTest.mailSender(PORT)), properties, clock).deliverDue()).isEqualTo(1);

        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("Ihre Wochenübersicht: 1 Benachrichtigung (KW 02)");
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        assertThat(((Multipart) mail.getContent()).getCount()).isEqualTo(2);
        assertThat(row("digest/anna.amt50/2027-W02")).containsEntry("status", "SENT").containsEntry("text_body", null);
    }

    @Test
    void theLatestDigestMomentIsThisWeeksOnceItPassedAndLastWeeksBefore() {
        assertThat(digest.latestMoment(MONDAY_0700).toInstant()).isEqualTo(MONDAY_0700);
        assertThat(digest.latestMoment(MONDAY_0700.minusSeconds(1)).toInstant()).isEqualTo(MONDAY_0700.minus(Duration.ofDays(7)));
        // summer time: 07:00 in Magdeburg is 05:00 UTC
        assertThat(digest.latestMoment(Instant.parse("2027-07-14T12:00:00Z")).toInstant()).isEqualTo(Instant.parse("2027-07-12T05:00:00Z"));
        assertThat(WeeklyDigest.isoWeek(LocalDate.of(2027, 1, 1))).as("a Friday in the last ISO week of 2026").isEqualTo("2026-W53");
    }
}
