package de.gremium.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.gremium.platform.testing.TestStore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Erasures and the writes that make keys are serialised by an advisory lock: no key outlives an erasure. */
class PersonalDataKeysTest {

    private static DataSource dataSource;
    private static PersonalDataKeys keys;
    private static DataSourceTransactionManager transactions;

    @BeforeAll
    static void record() {
        dataSource = TestStore.migratedDataSource(TestStore.newRecord());
        keys = new PersonalDataKeys(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
    }

    @Test
    void anErasureWaitsForAWriteInFlightAndThenDeletesTheKeyItMade() {
        TransactionStatus write = transactions.getTransaction(new DefaultTransactionDefinition());
        keys.keyFor("hedy.lamarr", "");
        keys.keyFor("hedy.lamarr", "r-1"); // a second key in the same transaction takes no second lock

        CompletableFuture<Integer> erasure = CompletableFuture.supplyAsync(
                () -> new TransactionTemplate(transactions).execute(status -> keys.erasePerson("hedy.lamarr")));
        await().atMost(Duration.ofMinutes(1)).until(PersonalDataKeysTest::anErasureWaits);
        assertThat(erasure).isNotDone();
        transactions.commit(write);

        assertThat(erasure.join()).isEqualTo(2);
        assertThat(keys.holdsKeysOf("hedy.lamarr")).isFalse();
    }

    @Test
    void anItemBelongsToWhoFirstWroteAboutIt() {
        keys.keyFor("grace.hopper", "guest-7");
        keys.keyFor("ada.lovelace", "guest-7"); // wrote about the same guest later

        assertThat(keys.ownsItem("grace.hopper", "guest-7")).isTrue();
        assertThat(keys.ownsItem("ada.lovelace", "guest-7")).isFalse();
        assertThat(keys.ownsItem("grace.hopper", "guest-8")).isFalse();
    }

    private static boolean anErasureWaits() {
        Integer waiting = new JdbcTemplate(dataSource).queryForObject(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", Integer.class);
        return waiting != null && waiting > 0;
    }
}
