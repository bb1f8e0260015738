package de.gremium.command.notification;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.command.notification.PostmanTest.MovableClock;
import de.gremium.events.group.NotificationDelivery;
import de.gremium.platform.testing.TestStore;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The outbox's rows as an erasure and a second enqueue of the same letter leave them. */
class OutboxTest {

    final MovableClock clock = new MovableClock(Instant.parse("2027-01-11T09:00:00Z"));
    final DataSource dataSource = TestStore.migratedDataSource(TestStore.newRecord());
    final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    final Outbox outbox = new Outbox(dataSource, clock);

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
        outbox.claim(10, clock.instant());
        outbox.sent(jdbc.queryForObject("SELECT id FROM notification_outbox WHERE dedup_key = 'e-1/MINUTES/anna.amt50'", Long.class));
        outbox.digest("anna.amt50", clock.instant(), letters -> new OutboxLetter("digest/anna.amt50/2027-W02", Outbox.DIGEST,
                "anna.amt50", "Name", "anna@magdeburg.example", NotificationDelivery.IMMEDIATELY, "Wochenübersicht", "Text",
                "<p>Text</p>", null, null));

        assertThat(outbox.forget("anna.amt50")).isEqualTo(3);

        assertThat(jdbc.queryForList("SELECT recipient_address FROM notification_outbox", String.class))
                .containsExactly("jonas@magdeburg.example");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification_outbox WHERE text_body LIKE '%anna%' OR subject LIKE '%anna%'",
                Integer.class)).isZero();
    }
}
