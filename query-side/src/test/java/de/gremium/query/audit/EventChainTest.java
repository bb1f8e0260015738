package de.gremium.query.audit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;

/**
 * The hash chain over rows shaped like Axon's in the record's {@code domain_event_entry}: built, verified, then
 * broken with plain SQL behind Axon's back, as someone with write access to the database would.
 */
@ExtendWith(OutputCaptureExtension.class)
class EventChainTest {

    private static final Instant T0 = Instant.parse("2026-03-04T12:00:00Z");
    private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");
    private static final String INSERT = "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, "
            + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private AuditDatabase db;
    private EventChain chain;

    @BeforeEach
    void setUp() {
        db = AuditDatabase.open();
        chain = new EventChain(db.mongo(), db.storedEvents());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** The row of event {@code e-<n>}, as JdbcEventStorageEngine writes it with the Jackson serializer. */
    record Row(String eventId, String aggregateId, long sequence, String timeStamp, String payload, String metaData) {

        static Row of(int n) {
            String aggregate = "r-" + (n % 2);
            return new Row("e-" + n, aggregate, n / 2, DateTimeUtils.formatInstant(T0.plusMillis(1_000L * n)),
                    "{\"reportId\":{\"value\":\"" + aggregate + "\"},\"note\":\"Nr. " + n + "\"}",
                    "{\"userId\":\"koordinator\",\"correlationId\":\"c-" + n + "\",\"causationId\":\"m-" + n + "\"}");
        }
    }

    private void insert(List<Row> rows) {
        db.sql().batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement insert, int i) throws java.sql.SQLException {
                Row row = rows.get(i);
                insert.setString(1, row.eventId());
                insert.setString(2, row.aggregateId());
                insert.setLong(3, row.sequence());
                insert.setString(4, "ProblemReport");
                insert.setString(5, row.timeStamp());
                insert.setString(6, "de.gremium.events.problem.ProblemReportAcknowledged");
                insert.setString(7, "1");
                insert.setBytes(8, row.payload().getBytes(StandardCharsets.UTF_8));
                insert.setBytes(9, row.metaData().getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    private List<Row> storeAndChain(int count) {
        List<Row> rows = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            rows.add(Row.of(n));
        }
        insert(rows);
        rows.forEach(row -> chain.append(row.eventId()));
        return rows;
    }

    private void sql(String statement, Object... arguments) {
        assertThat(db.sql().update(statement, arguments)).as(statement).isEqualTo(1);
    }

    private ChainVerification verify() {
        return verify(EventChainVerifier.BATCH);
    }

    private ChainVerification verify(int batch) {
        return new EventChainVerifier(db.mongo(), db.storedEvents(), Clock.fixed(NOW, ZoneOffset.UTC), batch).verify();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anUntouchedRecordVerifiesIntact() {
        storeAndChain(5);

        ChainVerification result = verify();
        assertThat(result).isEqualTo(new ChainVerification(5, true, null, null, null, chain.head().chainHash(), 5, NOW));
    }

    @Test
    void eachLinkHashesTheStoredColumnsAndTheLinkBeforeIt() throws Exception {
        insert(List.of(Row.of(1)));

        ChainLink link = chain.append("e-1");

        // the example in docs/audit.md
        String canonical = """
                event_identifier=s3:e-1
                aggregate_identifier=s3:r-1
                sequence_number=i0
                type=s13:ProblemReport
                time_stamp=s24:2026-03-04T12:00:01.000Z
                payload_type=s51:de.gremium.events.problem.ProblemReportAcknowledged
                payload_revision=s1:1
                payload=b60:eyJyZXBvcnRJZCI6eyJ2YWx1ZSI6InItMSJ9LCJub3RlIjoiTnIuIDEifQ==
                meta_data=b88:eyJ1c2VySWQiOiJrb29yZGluYXRvciIsImNvcnJlbGF0aW9uSWQiOiJjLTEiLCJjYXVzYXRpb25JZCI6Im0tMSJ9
                global_index=i1
                """;
        assertThat(ChainHashes.canonical(db.storedEvents().find("e-1").orElseThrow())).isEqualTo(canonical);
        assertThat(link.position()).isEqualTo(1);
        assertThat(link.globalIndex()).isEqualTo(1);
        assertThat(link.contentHash()).isEqualTo(sha256(canonical));
        assertThat(link.previousChainHash()).isEqualTo("0".repeat(64));
        assertThat(link.chainHash()).isEqualTo(sha256("0".repeat(64) + sha256(canonical)));
        assertThat(db.chainLinks().find(eq("_id", 1L)).first())
                .containsEntry("eventId", "e-1").containsEntry("globalIndex", 1L).containsEntry("contentHash", link.contentHash())
                .containsEntry("chainHash", link.chainHash()).containsEntry("previousChainHash", "0".repeat(64));
    }

    @Test
    void aNullColumnIsHashedAsADash() {
        insert(List.of(Row.of(1)));
        sql("UPDATE domain_event_entry SET meta_data = NULL, payload_revision = NULL WHERE event_identifier = 'e-1'");

        assertThat(ChainHashes.canonical(db.storedEvents().find("e-1").orElseThrow()))
                .contains("\npayload_revision=-\n").contains("\nmeta_data=-\n");
    }

    @Test
    void aRedeliveredEventIsNotAppendedTwice() {
        storeAndChain(3);

        ChainLink again = chain.append("e-2");

        assertThat(again.position()).isEqualTo(2);
        assertThat(db.chainLinks().countDocuments()).isEqualTo(3);
    }

    @Test
    void aPayloadEditedInTheRecordIsReportedAtExactlyThatEvent() {
        storeAndChain(5);

        sql("UPDATE domain_event_entry SET payload = convert_to(?, 'UTF8') WHERE event_identifier = 'e-3'",
                "{\"reportId\":{\"value\":\"r-1\"},\"note\":\"geändert\"}");

        ChainVerification result = verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenEventId()).isEqualTo("e-3");
        assertThat(result.position()).isEqualTo(3);
        assertThat(result.reason()).isEqualTo("content changed");
        assertThat(result.verified()).isEqualTo(2);
    }

    @Test
    void aDeletedEventIsReportedMissing() {
        storeAndChain(5);

        sql("DELETE FROM domain_event_entry WHERE event_identifier = 'e-4'");

        assertThat(verify()).extracting(ChainVerification::firstBrokenEventId, ChainVerification::position,
                ChainVerification::reason, ChainVerification::verified).containsExactly("e-4", 4L, "event missing", 3L);
    }

    @Test
    void aChangedMetadataOrTimestampIsAChangeToo() {
        storeAndChain(5);
        sql("UPDATE domain_event_entry SET time_stamp = '2020-01-01T00:00:00.000Z' WHERE event_identifier = 'e-5'");
        sql("UPDATE domain_event_entry SET meta_data = convert_to(?, 'UTF8') WHERE event_identifier = 'e-2'",
                "{\"userId\":\"anna.amt50\",\"correlationId\":\"c-2\",\"causationId\":\"m-2\"}");

        assertThat(verify()).extracting(ChainVerification::firstBrokenEventId, ChainVerification::reason)
                .containsExactly("e-2", "content changed");
        sql("UPDATE domain_event_entry SET meta_data = convert_to(?, 'UTF8') WHERE event_identifier = 'e-2'",
                Row.of(2).metaData());
        assertThat(verify()).extracting(ChainVerification::firstBrokenEventId, ChainVerification::reason)
                .containsExactly("e-5", "content changed");
    }

    @Test
    void anEventDeletedAndStoredAgainUnchangedIsAChangeOfItsPlaceInTheRecord() {
        storeAndChain(3);

        sql("DELETE FROM domain_event_entry WHERE event_identifier = 'e-2'");
        insert(List.of(Row.of(2)));

        assertThat(db.storedEvents().find("e-2").orElseThrow().globalIndex()).isEqualTo(4);
        assertThat(verify()).extracting(ChainVerification::firstBrokenEventId, ChainVerification::reason)
                .containsExactly("e-2", "content changed");
    }

    @Test
    void aLinkRehashedToFitAnEditedEventNoLongerFitsItsChain() {
        storeAndChain(5);
        String edited = "{\"note\":\"geändert\"}";
        sql("UPDATE domain_event_entry SET payload = convert_to(?, 'UTF8') WHERE event_identifier = 'e-3'", edited);

        db.chainLinks().updateOne(eq("_id", 3L), set("contentHash",
                ChainHashes.contentHash(db.storedEvents().find("e-3").orElseThrow())));

        assertThat(verify()).extracting(ChainVerification::firstBrokenEventId, ChainVerification::position,
                ChainVerification::reason).containsExactly("e-3", 3L, "chain link broken");
    }

    @Test
    void aDeletedLinkBreaksTheChainAtTheNextOne() {
        storeAndChain(5);

        db.chainLinks().deleteOne(eq("_id", 2L));

        assertThat(verify()).extracting(ChainVerification::firstBrokenEventId, ChainVerification::position,
                ChainVerification::reason, ChainVerification::verified).containsExactly("e-3", 3L, "chain link broken", 1L);
    }

    @Test
    void batchesDoNotHideABreakAcrossTheirBorders() {
        storeAndChain(7);
        assertThat(verify(2)).extracting(ChainVerification::verified, ChainVerification::intact).containsExactly(7L, true);

        sql("UPDATE domain_event_entry SET payload_revision = '2' WHERE event_identifier = 'e-5'");

        assertThat(verify(2)).extracting(ChainVerification::firstBrokenEventId, ChainVerification::position)
                .containsExactly("e-5", 5L);
    }

    @Test
    void theChainContinuesFromTheStoredHeadAfterARestart() {
        storeAndChain(3);
        chain = new EventChain(db.mongo(), db.storedEvents());
        insert(List.of(Row.of(4)));

        assertThat(chain.append("e-4").position()).isEqualTo(4);
        assertThat(verify()).extracting(ChainVerification::verified, ChainVerification::intact).containsExactly(4L, true);
    }

    @Test
    void aChainEmptiedWithTheViewsLogsItsOldHeadAndStartsAgainAtPositionOne(CapturedOutput output) {
        storeAndChain(3);
        String oldHead = chain.head().chainHash();

        chain.viewsAboutToBeEmptied();
        db.chainLinks().deleteMany(new org.bson.Document());

        assertThat(output.getOut()).contains("position 3 (event e-3) with chain hash " + oldHead);
        assertThat(chain.append("e-1").position()).isEqualTo(1);
    }

    @Test
    void anEventThatIsNotInTheRecordIsNotChained() {
        assertThatThrownBy(() -> chain.append("ghost")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("domain_event_entry");
        assertThat(db.chainLinks().countDocuments()).isZero();
    }

    @Test
    void anEmptyChainIsIntact() {
        assertThat(verify()).isEqualTo(new ChainVerification(0, true, null, null, null, "0".repeat(64), 0, NOW));
    }

    @Test
    void thousandsOfEventsAreVerifiedInBatches() {
        int count = 5_000;
        List<Row> rows = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            rows.add(Row.of(n));
        }
        insert(rows);
        long chaining = System.nanoTime();
        rows.forEach(row -> chain.append(row.eventId()));
        chaining = System.nanoTime() - chaining;

        long verifying = System.nanoTime();
        ChainVerification result = verify();
        verifying = System.nanoTime() - verifying;

        System.out.printf("audit chain: %d events chained in %d ms, verified in %d ms%n", count, chaining / 1_000_000,
                verifying / 1_000_000);
        assertThat(result.verified()).isEqualTo(count);
        assertThat(result.intact()).isTrue();
        assertThat(verifying / 1_000_000).as("verification time in ms").isLessThan(15_000);
    }
}
