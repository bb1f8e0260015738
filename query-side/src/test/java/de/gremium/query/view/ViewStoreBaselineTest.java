package de.gremium.query.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.gremium.query.TestRecord;
import de.gremium.query.ViewStore;
import de.gremium.query.view.ViewStoreBaseline.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The baseline check on a record and a view store of the test's own: what it keeps, what a rebuild empties and
 * resets, and that two processes starting together rebuild once.
 */
class ViewStoreBaselineTest {

    private static final Instant NOW = Instant.parse("2027-01-05T09:00:00Z");
    private static final Set<String> PROCESSORS = Set.of("problem-board", "audit-log");
    private static final String ADVISORY_LOCKS = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
            + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";

    private TestRecord record;
    private ViewStore views;
    private MongoDatabase database;
    private UUID recordId;
    private final AtomicInteger told = new AtomicInteger();

    @BeforeEach
    void setUp() {
        record = TestRecord.create();
        views = ViewStore.open();
        database = views.mongo().getDb();
        recordId = record.sql().queryForObject("SELECT id FROM record_identity", UUID.class);
    }

    @AfterEach
    void tearDown() {
        views.close();
    }

    private ViewStoreBaseline baseline() {
        return baseline(record.dataSource());
    }

    private ViewStoreBaseline baseline(DataSource dataSource) {
        return new ViewStoreBaseline(new SimpleMongoClientDatabaseFactory(views.client(), database.getName()),
                dataSource, () -> recordId, List.of(() -> told.incrementAndGet()), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Views, tokens and dead letters as a query side leaves them: of the processors here, and one of another side. */
    private void fillStores() {
        database.getCollection("problem_board").insertOne(new Document("_id", "r-1").append("version", 3L));
        database.getCollection("problem_board").createIndex(Indexes.ascending("status"), new IndexOptions().name("board"));
        database.getCollection("event_chain").insertOne(new Document("_id", 1L).append("eventId", "e-1"));
        for (String processor : List.of("problem-board", "audit-log", "blocked-calendar-lookup")) {
            record.sql().update("INSERT INTO token_entry (processor_name, segment, owner) VALUES (?, 0, 'node-1')", processor);
        }
        record.sql().update("INSERT INTO dead_letter_entry (dead_letter_id, processing_group, sequence_identifier, "
                + "sequence_index, message_type, event_identifier, time_stamp, payload_type, payload, enqueued_at) "
                + "VALUES ('l-1', 'problem-board', 'r-1', 0, 'x', 'e-1', 'now', 'p', '\\x00', 'now')");
    }

    private long rows(String sql) {
        Long count = record.sql().queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    @Test
    void aViewStoreWithoutBaselineIsEmptiedItsProcessorsResetAndThenMarked() {
        fillStores();

        assertThat(baseline().ensure(PROCESSORS)).isEqualTo(Outcome.REBUILT);

        assertThat(told).as("the views' owners were told first").hasValue(1);
        assertThat(database.getCollection("problem_board").countDocuments()).isZero();
        assertThat(database.getCollection("event_chain").countDocuments()).isZero();
        assertThat(database.getCollection("problem_board").listIndexes().map(i -> i.getString("name")).into(new ArrayList<>()))
                .as("emptied, not dropped").contains("board");
        assertThat(record.sql().queryForList("SELECT processor_name FROM token_entry", String.class))
                .as("only the other side's processor keeps its token").containsExactly("blocked-calendar-lookup");
        assertThat(rows("SELECT count(*) FROM dead_letter_entry")).isZero();
        assertThat(database.getCollection(ViewStoreBaseline.COLLECTION).find().first())
                .isEqualTo(new Document("_id", "baseline").append("recordId", recordId.toString())
                        .append("viewsVersion", ViewStoreBaseline.VIEWS_VERSION).append("builtAt", Date.from(NOW)));
    }

    @Test
    void aBaselineOfThisRecordKeepsViewsTokensAndDeadLetters() {
        baseline().ensure(PROCESSORS);
        fillStores();

        assertThat(baseline().ensure(PROCESSORS)).isEqualTo(Outcome.KEPT);

        assertThat(told).as("only by the first check").hasValue(1);
        assertThat(database.getCollection("problem_board").countDocuments()).isEqualTo(1);
        assertThat(rows("SELECT count(*) FROM token_entry")).isEqualTo(3);
        assertThat(rows("SELECT count(*) FROM dead_letter_entry")).isEqualTo(1);
    }

    @Test
    void aBaselineOfAnotherRecordIsReplacedByARebuild() {
        database.getCollection(ViewStoreBaseline.COLLECTION).insertOne(new Document("_id", "baseline")
                .append("recordId", UUID.randomUUID().toString()).append("builtAt", Date.from(NOW.minusSeconds(3600))));
        fillStores();

        assertThat(baseline().ensure(PROCESSORS)).isEqualTo(Outcome.REBUILT);

        assertThat(database.getCollection("problem_board").countDocuments()).isZero();
        assertThat(rows("SELECT count(*) FROM token_entry WHERE processor_name = 'problem-board'")).isZero();
        assertThat(database.getCollection(ViewStoreBaseline.COLLECTION).find().first())
                .containsEntry("recordId", recordId.toString());
    }

    @Test
    void viewsOfAnotherVersionAreRebuiltOnceAndMarkedWithThisVersion() {
        database.getCollection(ViewStoreBaseline.COLLECTION).insertOne(new Document("_id", "baseline")
                .append("recordId", recordId.toString()).append("viewsVersion", ViewStoreBaseline.VIEWS_VERSION + 1)
                .append("builtAt", Date.from(NOW.minusSeconds(3600))));
        fillStores();

        assertThat(baseline().ensure(PROCESSORS)).isEqualTo(Outcome.REBUILT);

        assertThat(database.getCollection("problem_board").countDocuments()).isZero();
        assertThat(rows("SELECT count(*) FROM token_entry WHERE processor_name = 'problem-board'")).isZero();
        assertThat(rows("SELECT count(*) FROM dead_letter_entry")).isZero();
        assertThat(database.getCollection(ViewStoreBaseline.COLLECTION).find().first())
                .containsEntry("recordId", recordId.toString()).containsEntry("viewsVersion", ViewStoreBaseline.VIEWS_VERSION);
        database.getCollection("problem_board").insertOne(new Document("_id", "r-2").append("version", 0L));
        assertThat(baseline().ensure(PROCESSORS)).as("the next start").isEqualTo(Outcome.KEPT);
        assertThat(database.getCollection("problem_board").countDocuments()).isEqualTo(1);
    }

    @Test
    void viewsOfAnOlderVersionAreRebuilt() {
        database.getCollection(ViewStoreBaseline.COLLECTION).insertOne(new Document("_id", "baseline")
                .append("recordId", recordId.toString()).append("viewsVersion", ViewStoreBaseline.VIEWS_VERSION - 1)
                .append("builtAt", Date.from(NOW.minusSeconds(3600))));
        fillStores();

        assertThat(baseline().ensure(PROCESSORS)).isEqualTo(Outcome.REBUILT);

        assertThat(database.getCollection("problem_board").countDocuments()).isZero();
        assertThat(database.getCollection(ViewStoreBaseline.COLLECTION).find().first())
                .containsEntry("viewsVersion", ViewStoreBaseline.VIEWS_VERSION);
    }

    @Test
    void viewsBuiltBeforeTheTraceNodesNamedTheirStepAreRebuiltOnceOnUpgrade() {
        // the marker as the version before views versions wrote it
        database.getCollection(ViewStoreBaseline.COLLECTION).insertOne(new Document("_id", "baseline")
                .append("recordId", recordId.toString()).append("builtAt", Date.from(NOW.minusSeconds(3600))));
        database.getCollection("trace_nodes").insertOne(new Document("_id", "e-1").append("eventType", "ProblemReportSubmitted"));
        fillStores();

        assertThat(baseline().ensure(PROCESSORS)).isEqualTo(Outcome.REBUILT);
        assertThat(baseline().ensure(PROCESSORS)).isEqualTo(Outcome.KEPT);

        assertThat(database.getCollection("trace_nodes").countDocuments()).isZero();
        assertThat(told).as("rebuilt once").hasValue(1);
    }

    @Test
    void twoQuerySidesStartingTogetherRebuildOnceUnderTheAdvisoryLock() throws Exception {
        ExecutorService starts = Executors.newFixedThreadPool(2);
        try (Connection other = record.connect()) {
            // a third party holds the lock, so that both find the marker missing and then wait for it
            advisory(other, "pg_advisory_lock");
            List<Future<Outcome>> outcomes = List.of(starts.submit(() -> baseline().ensure(PROCESSORS)),
                    starts.submit(() -> baseline().ensure(PROCESSORS)));
            await().atMost(Duration.ofSeconds(30)).until(() -> rows(ADVISORY_LOCKS + " AND NOT granted") == 2);
            fillStores(); // what the first rebuild must empty, and the second must leave alone once the marker exists
            advisory(other, "pg_advisory_unlock");

            List<Outcome> results = new ArrayList<>();
            for (Future<Outcome> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).containsExactlyInAnyOrder(Outcome.REBUILT, Outcome.KEPT);
        } finally {
            starts.shutdownNow();
        }
    }

    @Test
    void theLockIsReleasedAlsoWhenThePoolKeepsTheConnectionOpen() throws Exception {
        SingleConnectionDataSource pooled = new SingleConnectionDataSource(record.connect(), true);
        try {
            Integer pid = new JdbcTemplate(pooled).queryForObject("SELECT pg_backend_pid()", Integer.class);

            assertThat(baseline(pooled).ensure(PROCESSORS)).isEqualTo(Outcome.REBUILT);

            assertThat(rows(ADVISORY_LOCKS + " AND pid = " + pid)).isZero();
        } finally {
            pooled.destroy();
        }
    }

    private static void advisory(Connection connection, String function) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, ViewStoreBaseline.LOCK_KEY);
            statement.execute();
        }
    }
}
