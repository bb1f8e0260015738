package de.gremium.query.audit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hash chain over raw documents shaped like Axon's in {@code domainevents}: built, verified,
 * then broken through the driver behind Axon's back, as someone with write access to the database
 * would.
 */
class EventChainTest {

    private static final Instant T0 = Instant.parse("2026-03-04T12:00:00Z");
    private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

    private AuditDatabase db;
    private EventChain chain;

    @BeforeEach
    void setUp() {
        db = AuditDatabase.open();
        chain = new EventChain(db.mongo());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** A document as DocumentPerEventStorageStrategy writes it with the Jackson serializer. */
    static Document stored(int n) {
        String aggregate = "r-" + (n % 2);
        return new Document("aggregateIdentifier", aggregate)
                .append("type", "ProblemReport")
                .append("sequenceNumber", (long) (n / 2))
                .append("serializedPayload", "{\"reportId\":{\"value\":\"" + aggregate + "\"},\"note\":\"Nr. " + n + "\"}")
                .append("timestamp", DateTimeUtils.formatInstant(T0.plusMillis(1_000L * n)))
                .append("payloadType", "de.gremium.events.problem.ProblemReportAcknowledged")
                .append("payloadRevision", "1")
                .append("serializedMetaData", "{\"userId\":\"koordinator\",\"correlationId\":\"c-" + n + "\",\"causationId\":\"m-" + n + "\"}")
                .append("eventIdentifier", "e-" + n);
    }

    private List<Document> storeAndChain(int count) {
        List<Document> documents = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            documents.add(stored(n));
        }
        db.storedEvents().insertMany(documents);
        for (Document document : documents) {
            append(document);
        }
        return documents;
    }

    private ChainLink append(Document document) {
        return chain.append(document.getString("eventIdentifier"), document.getString("aggregateIdentifier"),
                document.getLong("sequenceNumber"));
    }

    private ChainVerification verify() {
        return verify(EventChainVerifier.BATCH);
    }

    private ChainVerification verify(int batch) {
        return new EventChainVerifier(db.mongo(), Clock.fixed(NOW, ZoneOffset.UTC), batch).verify();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anUntouchedStoreVerifiesIntact() {
        storeAndChain(5);

        ChainVerification result = verify();
        assertThat(result).isEqualTo(new ChainVerification(5, true, null, null, null, chain.head().chainHash(), 5, NOW));
    }

    @Test
    void eachLinkHashesTheStoredFieldsAndTheLinkBeforeIt() throws Exception {
        Document first = stored(1);
        db.storedEvents().insertOne(first);

        ChainLink link = append(first);

        // the example in docs/audit.md
        String canonical = """
                eventIdentifier=s3:e-1
                aggregateIdentifier=s3:r-1
                sequenceNumber=i0
                type=s13:ProblemReport
                timestamp=s24:2026-03-04T12:00:01.000Z
                payloadType=s51:de.gremium.events.problem.ProblemReportAcknowledged
                payloadRevision=s1:1
                serializedPayload=s43:{"reportId":{"value":"r-1"},"note":"Nr. 1"}
                serializedMetaData=s66:{"userId":"koordinator","correlationId":"c-1","causationId":"m-1"}
                """;
        assertThat(ChainHashes.canonical(first)).isEqualTo(canonical);
        assertThat(link.position()).isEqualTo(1);
        assertThat(link.contentHash()).isEqualTo(sha256(canonical));
        assertThat(link.previousChainHash()).isEqualTo("0".repeat(64));
        assertThat(link.chainHash()).isEqualTo(sha256("0".repeat(64) + sha256(canonical)));
        assertThat(db.chainLinks().find(eq("_id", 1L)).first())
                .containsEntry("eventId", "e-1").containsEntry("contentHash", link.contentHash())
                .containsEntry("chainHash", link.chainHash()).containsEntry("previousChainHash", "0".repeat(64));
    }

    @Test
    void aRedeliveredEventIsNotAppendedTwice() {
        List<Document> documents = storeAndChain(3);

        ChainLink again = append(documents.get(1));

        assertThat(again.position()).isEqualTo(2);
        assertThat(db.chainLinks().countDocuments()).isEqualTo(3);
    }

    @Test
    void aPayloadEditedThroughTheDriverIsReportedAtExactlyThatEvent() {
        storeAndChain(5);

        db.storedEvents().updateOne(eq("eventIdentifier", "e-3"),
                set("serializedPayload", "{\"reportId\":{\"value\":\"r-1\"},\"note\":\"geändert\"}"));

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

        db.storedEvents().deleteOne(eq("eventIdentifier", "e-4"));

        assertThat(verify()).extracting(ChainVerification::firstBrokenEventId, ChainVerification::position,
                ChainVerification::reason, ChainVerification::verified).containsExactly("e-4", 4L, "event missing", 3L);
    }

    @Test
    void aChangedMetadataUserOrTimestampIsAChangeToo() {
        storeAndChain(5);
        db.storedEvents().updateOne(eq("eventIdentifier", "e-5"), set("timestamp", "2020-01-01T00:00:00.000Z"));
        db.storedEvents().updateOne(eq("eventIdentifier", "e-2"),
                set("serializedMetaData", "{\"userId\":\"anna.amt50\",\"correlationId\":\"c-2\",\"causationId\":\"m-2\"}"));

        assertThat(verify()).extracting(ChainVerification::firstBrokenEventId, ChainVerification::reason)
                .containsExactly("e-2", "content changed");
        db.storedEvents().replaceOne(eq("eventIdentifier", "e-2"), stored(2));
        assertThat(verify()).extracting(ChainVerification::firstBrokenEventId, ChainVerification::reason)
                .containsExactly("e-5", "content changed");
    }

    @Test
    void aSecondCopyOfAnEventWithOtherContentIsAChange() {
        storeAndChain(3);

        db.storedEvents().insertOne(stored(2).append("aggregateIdentifier", "r-x").append("serializedPayload", "{}"));

        assertThat(verify()).extracting(ChainVerification::firstBrokenEventId, ChainVerification::reason)
                .containsExactly("e-2", "content changed");
    }

    @Test
    void aLinkRehashedToFitAnEditedEventNoLongerFitsItsChain() {
        storeAndChain(5);
        Document edited = stored(3).append("serializedPayload", "{\"note\":\"geändert\"}");
        db.storedEvents().replaceOne(eq("eventIdentifier", "e-3"), edited);

        db.chainLinks().updateOne(eq("_id", 3L), set("contentHash", ChainHashes.contentHash(edited)));

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

        db.storedEvents().updateOne(eq("eventIdentifier", "e-5"), set("payloadRevision", "2"));

        assertThat(verify(2)).extracting(ChainVerification::firstBrokenEventId, ChainVerification::position)
                .containsExactly("e-5", 5L);
    }

    @Test
    void theChainContinuesFromTheStoredHeadAfterARestart() {
        storeAndChain(3);
        chain = new EventChain(db.mongo());
        Document fourth = stored(4);
        db.storedEvents().insertOne(fourth);

        assertThat(append(fourth).position()).isEqualTo(4);
        assertThat(verify()).extracting(ChainVerification::verified, ChainVerification::intact).containsExactly(4L, true);
    }

    @Test
    void anEventThatIsNotInTheStoreIsNotChained() {
        assertThatThrownBy(() -> chain.append("ghost", "r-0", 0L)).isInstanceOf(IllegalStateException.class);
        assertThat(db.chainLinks().countDocuments()).isZero();
    }

    @Test
    void anEmptyChainIsIntact() {
        assertThat(verify()).isEqualTo(new ChainVerification(0, true, null, null, null, "0".repeat(64), 0, NOW));
    }

    @Test
    void thousandsOfEventsAreVerifiedInBatches() {
        int count = 5_000;
        List<Document> documents = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            documents.add(stored(n));
        }
        db.storedEvents().insertMany(documents);
        long chaining = System.nanoTime();
        documents.forEach(this::append);
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
