package de.gremium.query.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import de.gremium.events.privacy.ErasureId;
import de.gremium.events.privacy.PersonalDataErased;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.RecordFixture;
import de.gremium.query.RunningQuerySide;
import de.gremium.query.search.SearchIndexes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After an erasure the views are built again from the record (which then reads the erased values as placeholders). The
 * record here holds no encrypted values, so the test changes views by hand, in ways the record cannot explain, and
 * watches the erasure put them back as the record says: the MongoDB views, the search index, the audit log; while the
 * hash chain is kept and still verifies, and an erasure handed over a second time rebuilds nothing.
 */
class ViewsAfterAnErasureTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String REPORT = "meldung-1";
    private static final String RECORDED_TITLE = "Kurse ausgebucht";

    private static RunningQuerySide querySide;
    private static Http http;

    @BeforeAll
    static void start() {
        querySide = RunningQuerySide.start(TestStore.newRecord());
        http = Http.on(Ports.of(querySide.context()));
        RecordFixture.storeIn(querySide.eventStore());
        querySide.awaitCaughtUp();
    }

    @AfterAll
    static void stop() {
        querySide.close();
    }

    @Test
    void anErasureBuildsTheViewsAndTheSearchIndexAgainFromTheRecordAndKeepsTheHashChain() {
        List<Document> chainBefore = chain();
        MongoCollection<Document> board = querySide.viewDatabase().getCollection("problem_board");
        board.updateOne(new Document("_id", REPORT), new Document("$set", new Document("title", "von Hand geändert")));
        querySide.viewDatabase().getCollection("member_directory_members").updateOne(new Document("_id", "anna.amt50"),
                new Document("$set", new Document("name", "Klartext Becker").append("email", "klartext@magdeburg.example")));
        querySide.viewDatabase().getCollection("audit_log").insertOne(new Document("_id", "nicht-im-record").append("position", -1L));
        SearchIndexes.putUnrecordedReport(querySide.context(), "nirgends", "Geisterbericht");
        assertThat(searchHits("Geisterbericht")).isEqualTo(1);

        long erasure = publishErasure();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(erasureMarker()).containsEntry("position", erasure));
        querySide.awaitCaughtUp();
        // The search is rebuilt by its own processor, reset by another one: one pass over the processors can see it
        // caught up just before the reset. Until the rebuild has reached the head the search refuses (503).
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(searchHits("ausgebucht")).isEqualTo(1));
        assertThat(board.find(new Document("_id", REPORT)).first()).containsEntry("title", RECORDED_TITLE);
        assertThat(querySide.viewDatabase().getCollection("member_directory_members").find(new Document("_id", "anna.amt50"))
                .first()).containsEntry("name", "Anna Becker").doesNotContainKey("email");
        assertThat(querySide.viewDatabase().getCollection("audit_log").find(new Document("_id", "nicht-im-record")).first())
                .isNull();
        assertThat(searchHits("Geisterbericht")).isZero();
        assertThat(chain()).as("the chain is kept, link by link, and goes on after the erasure").startsWith(
                chainBefore.toArray(Document[]::new)).hasSize(chainBefore.size() + 1);
        assertThat(http.as("koordinator").get("/api/audit/verification").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void anErasureHandedOverAgainDoesNotRebuildTheViewsAgain() {
        long erasure = publishErasure();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(erasureMarker()).containsEntry("position", erasure));
        querySide.awaitCaughtUp();
        Object handledAt = erasureMarker().get("handledAt");
        MongoCollection<Document> board = querySide.viewDatabase().getCollection("problem_board");
        board.updateOne(new Document("_id", REPORT), new Document("$set", new Document("title", "nach der Löschung geändert")));

        StreamingEventProcessor processor = querySide.context().getBean(EventProcessingConfiguration.class)
                .eventProcessor(ErasedViews.GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutdownAsync().join();
        processor.resetTokens(source -> null); // from the record's first event: every erasure comes again
        processor.start();
        querySide.awaitCaughtUp();

        assertThat(board.find(new Document("_id", REPORT)).first()).containsEntry("title", "nach der Löschung geändert");
        assertThat(erasureMarker()).containsEntry("position", erasure).containsEntry("handledAt", handledAt);
    }

    private static long publishErasure() {
        String erasureId = UUID.randomUUID().toString();
        String eventId = "erasure-" + erasureId;
        querySide.eventStore().publish(new GenericDomainEventMessage<>("PersonalData", erasureId, 0,
                new PersonalDataErased(new ErasureId(erasureId), Instant.now()), MetaData.with("userId", "koordinator"), eventId,
                Instant.now()));
        Long position = new JdbcTemplate(querySide.context().getBean(DataSource.class)).queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE event_identifier = ?", Long.class, eventId);
        return position == null ? -1 : position;
    }

    private static Document erasureMarker() {
        return querySide.viewDatabase().getCollection(RunningQuerySide.VIEW_STORE).find(new Document("_id", "erasure")).first();
    }

    private static List<Document> chain() {
        return querySide.viewDatabase().getCollection("event_chain").find().sort(new Document("_id", 1))
                .into(new java.util.ArrayList<>());
    }

    /** The search's number of hits; a refusal (503 while the index is rebuilt) fails the assertion instead of reading 0. */
    private static int searchHits(String words) {
        Http.Response answer = http.as("koordinator").get("/api/search?q=" + words);
        assertThat(answer.status()).as("search answers: %s", answer).isEqualTo(200);
        return answer.json().at("/pagination/totalElements").asInt();
    }
}
