package de.gremium.command.notification;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.command.notification.PostmanTest.MovableClock;
import de.gremium.events.group.NotificationDelivery;
import de.gremium.platform.privacy.PersonalDataKeys;
import de.gremium.platform.testing.TestStore;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox's rows as an erasure, a second enqueue of the same letter and a letter to someone erased leave them. */
class OutboxTest {

    final MovableClock clock = new MovableClock(Instant.parse("2027-01-11T09:00:00Z"));
    final DataSource dataSource = TestStore.migratedDataSource(TestStore.newRecord());
    final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    final Outbox outbox = new Outbox(dataSource, clock);

    OutboxTest() {
        PostmanTest.known(dataSource, "anna.amt50", "jonas.fb32", "g-1", "guest:g-1", "guest:g-2");
    }

    static OutboxLetter letter(String key, String recipientId, String address, NotificationDelivery delivery) {
        return new OutboxLetter(key, "MINUTES", recipientId, "Name", address, delivery, "Protokoll", "Text", "<p>Text</p>", null, "e-1");
    }

    @Test
    void theSameLetterIsAddedOnlyOnce() {
        assertThat(outbox.enqueue(letter("e-1/MINUTES/anna.amt50", "anna.amt50", "anna@magdeburg.example",
                NotificationDelivery.IMMEDIATELY))).isTrue();
        assertThat(outbox.enqueue(letter("e-1/MINUTES/anna.amt50", "anna.amt50", "anna@magdeburg.example",
                NotificationDelivery.IMMEDIATELY))).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification_outbox", Integer.class)).isOne();
    }

    @Test
    void forgettingGuestsRemovesTheLettersToThoseNamedOnly() {
        outbox.enqueue(letter("e-1/MINUTES/guest:g-1", "guest:g-1", "gast1@verein.example", NotificationDelivery.IMMEDIATELY));
        outbox.enqueue(letter("e-1/MINUTES/guest:g-2", "guest:g-2", "gast2@verein.example", NotificationDelivery.IMMEDIATELY));
        outbox.enqueue(letter("e-1/MINUTES/g-1", "g-1", "member@magdeburg.example", NotificationDelivery.IMMEDIATELY));

        assertThat(outbox.forgetGuests("g-1"::equals)).isOne();

        assertThat(jdbc.queryForList("SELECT recipient_address FROM notification_outbox", String.class))
                .containsExactlyInAnyOrder("gast2@verein.example", "member@magdeburg.example");
    }

    @Test
    void forgettingAPersonRemovesEveryLetterToThemWhateverItsStateAndLeavesOthers() {
        outbox.enqueue(letter("e-1/MINUTES/anna.amt50", "anna.amt50", "anna@magdeburg.example", NotificationDelivery.IMMEDIATELY));
        outbox.enqueue(letter("e-2/MINUTES/anna.amt50", "anna.amt50", "anna@magdeburg.example", NotificationDelivery.WEEKLY_DIGEST));
        outbox.enqueue(letter("e-1/MINUTES/jonas.fb32", "jonas.fb32", "jonas@magdeburg.example", NotificationDelivery.WEEKLY_DIGEST));
        outbox.claim(10, clock.instant(), 10);
        outbox.sent(jdbc.queryForObject("SELECT id FROM notification_outbox WHERE dedup_key = 'e-1/MINUTES/anna.amt50'", Long.class),
                clock.instant());
        outbox.digest("anna.amt50", clock.instant(), letters -> new OutboxLetter("digest/anna.amt50/2027-W02", Outbox.DIGEST,
                "anna.amt50", "Name", "anna@magdeburg.example", NotificationDelivery.IMMEDIATELY, "Wochenübersicht", "Text",
                "<p>Text</p>", null, null));

        assertThat(outbox.forget("anna.amt50")).isEqualTo(3);

        assertThat(jdbc.queryForList("SELECT recipient_address FROM notification_outbox", String.class))
                .containsExactly("jonas@magdeburg.example");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification_outbox WHERE text_body LIKE '%anna%' OR subject LIKE '%anna%'",
                Integer.class)).isZero();
    }

    @Test
    void aLetterToSomeoneErasedIsNotAdded() {
        PersonalDataKeys keys = new PersonalDataKeys(dataSource);
        keys.erasePerson("jonas.fb32");
        keys.eraseItem("g-2");

        assertThat(outbox.enqueue(letter("e-1/MINUTES/jonas.fb32", "jonas.fb32", "jonas@magdeburg.example",
                NotificationDelivery.IMMEDIATELY))).isFalse();
        assertThat(outbox.enqueue(letter("e-1/MINUTES/guest:g-2", "guest:g-2", "gast2@verein.example",
                NotificationDelivery.IMMEDIATELY))).isFalse();
        assertThat(outbox.enqueue(letter("e-1/MINUTES/nie.gesehen", "nie.gesehen", "nie@magdeburg.example",
                NotificationDelivery.IMMEDIATELY))).as("nothing is stored about them").isFalse();
        assertThat(outbox.enqueue(letter("e-1/MINUTES/guest:g-1", "guest:g-1", "gast1@verein.example",
                NotificationDelivery.IMMEDIATELY))).isTrue();
        assertThat(jdbc.queryForList("SELECT recipient_id FROM notification_outbox", String.class)).containsExactly("guest:g-1");
    }

    @Test
    void aLetterAddedWhileAnErasureRunsWaitsForItAndIsNotAddedIfItsRecipientWasErased() throws Exception {
        PersonalDataKeys keys = new PersonalDataKeys(dataSource);
        TransactionTemplate erasure = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch enqueued = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> added = other.submit(() -> {
                locked.await();
                boolean result = outbox.enqueue(letter("e-1/MINUTES/jonas.fb32", "jonas.fb32", "jonas@magdeburg.example",
                        NotificationDelivery.IMMEDIATELY));
                enqueued.countDown();
                return result;
            });
            erasure.executeWithoutResult(status -> {
                keys.lockForErasure();
                locked.countDown();
                try {
                    assertThat(enqueued.await(1, TimeUnit.SECONDS)).as("the letter waits for the erasure").isFalse();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                outbox.forget("jonas.fb32");
                keys.erasePerson("jonas.fb32");
            });
            assertThat(added.get(30, TimeUnit.SECONDS)).isFalse();
        } finally {
            other.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification_outbox", Integer.class)).isZero();
    }

    @Test
    void aVeryLongSubjectIsCutToItsColumn() {
        OutboxLetter longOne = new OutboxLetter("e-1/MINUTES/anna.amt50", "MINUTES", "anna.amt50", "Name", "anna@magdeburg.example",
                NotificationDelivery.IMMEDIATELY, "Protokoll ".repeat(80), "Text", "<p>Text</p>", null, "e-1");

        assertThat(outbox.enqueue(longOne)).isTrue();

        String subject = jdbc.queryForObject("SELECT subject FROM notification_outbox", String.class);
        assertThat(subject).hasSize(Outbox.SUBJECT_MAX).startsWith("Protokoll Protokoll").endsWith("…");
    }

    @Test
    void anErasureEmptiesTheLettersThatWillNeverBeSentAsTheyAreAndLeavesWaitingOnes() {
        for (String key : new String[] {"held", "failed", "pending", "sent"}) {
            outbox.enqueue(new OutboxLetter(key, "MINUTES", "anna.amt50", "Name", "anna@magdeburg.example",
                    NotificationDelivery.IMMEDIATELY, "Protokoll: Quittenbaum", "Text über Jonas", "<p>Text über Jonas</p>",
                    "BEGIN:VCALENDAR", "e-1"));
        }
        jdbc.update("UPDATE notification_outbox SET status = upper(dedup_key) WHERE dedup_key <> 'pending'");

        assertThat(outbox.forgetUnsentContent()).isEqualTo(2);

        for (String key : new String[] {"held", "failed"}) {
            assertThat(jdbc.queryForMap("SELECT * FROM notification_outbox WHERE dedup_key = ?", key)).as(key)
                    .containsEntry("subject", Outbox.REMOVED).containsEntry("text_body", null).containsEntry("html_body", null)
                    .containsEntry("calendar", null).containsEntry("recipient_address", "anna@magdeburg.example");
        }
        assertThat(jdbc.queryForMap("SELECT * FROM notification_outbox WHERE dedup_key = 'pending'"))
                .containsEntry("subject", "Protokoll: Quittenbaum").containsEntry("text_body", "Text über Jonas");
        assertThat(outbox.forgetUnsentContent()).as("nothing left to empty").isZero();
    }
}
