package de.gremium.query.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import de.gremium.events.PolicyField;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.platform.record.RecordIdentity;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.RecordFixture;
import de.gremium.query.RunningQuerySide;
import de.gremium.query.ViewStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The views never disagree with the record: a view store that lost its views, or holds the views of another record,
 * is found out before the processors start, and every view is built again from the record, exactly as it was.
 */
class ViewStoreRebuildTest {

    /** The collections the fixture fills: one or more per projection. */
    private static final List<String> VIEWS = List.of("problem_board", "member_directory_units", "member_directory_members",
            "member_directory_representation", "project_ideas", "work_plan_meetings", "scheduling_polls", "scheduling_poll_members",
            "recommendations", "deliberations", "trace_nodes",
            "network_feed", "network_projects", "monitoring_indicators", "monitoring_observations", "monitoring_measures",
            "audit_log", "event_chain");

    private String database;
    private Map<String, List<Document>> built;
    private String recordId;

    /** The query side builds the views of a record with events, then stops. */
    @BeforeEach
    void buildTheViewsOnce() {
        database = TestStore.newRecord();
        try (RunningQuerySide querySide = RunningQuerySide.start(database)) {
            RecordFixture.storeIn(querySide.eventStore());
            querySide.awaitCaughtUp();
            built = querySide.views();
            recordId = querySide.context().getBean(RecordIdentity.class).id().toString();
            assertThat(querySide.baseline()).as("a new view store gets its baseline").containsEntry("recordId", recordId);
        }
        for (String view : VIEWS) {
            assertThat(built.get(view)).as(view).isNotEmpty();
        }
        assertThat(built.get("event_chain")).hasSize(RecordFixture.events().size());
    }

    @Test
    void aViewStoreDroppedWhileTheQuerySideWasStoppedIsRebuiltFromTheRecordAsItWas() {
        ViewStore.open(database).close(); // drops the view database

        try (RunningQuerySide querySide = RunningQuerySide.start(database)) {
            querySide.awaitCaughtUp();

            assertThat(querySide.views()).isEqualTo(built);
            assertThat(querySide.baseline()).containsEntry("recordId", recordId);
        }
    }

    @Test
    void viewsBuiltFromAnotherRecordAreThrownAwayAndBuiltFromThisOne() {
        ViewStore views = ViewStore.open(database);
        MongoDatabase db = views.mongo().getDb();
        db.getCollection(RunningQuerySide.VIEW_STORE).updateOne(new Document("_id", "baseline"),
                new Document("$set", new Document("recordId", UUID.randomUUID().toString())));
        db.getCollection("problem_board").insertOne(new Document("_id", "aus-einem-anderen-record").append("version", 0L));
        views.disconnect();

        try (RunningQuerySide querySide = RunningQuerySide.start(database)) {
            querySide.awaitCaughtUp();

            assertThat(querySide.views()).isEqualTo(built);
            assertThat(querySide.baseline()).containsEntry("recordId", recordId);
        }
    }

    @Test
    void viewsWrittenByTheVersionBeforeAreThrownAwayAndBuiltAgainInTheirShapeOfNow() {
        ViewStore views = ViewStore.open(database);
        MongoDatabase db = views.mongo().getDb();
        db.getCollection(RunningQuerySide.VIEW_STORE).updateOne(new Document("_id", "baseline"),
                new Document("$set", new Document("viewsVersion", ViewStoreBaseline.VIEWS_VERSION - 1)));
        db.getCollection("trace_nodes").insertOne(new Document("_id", "in-der-alten-form").append("eventType", "MeetingHeld"));
        views.disconnect();

        try (RunningQuerySide querySide = RunningQuerySide.start(database)) {
            querySide.awaitCaughtUp();

            assertThat(querySide.views()).isEqualTo(built);
            assertThat(querySide.baseline()).containsEntry("viewsVersion", ViewStoreBaseline.VIEWS_VERSION);
        }
    }

    @Test
    void viewsBuiltFromThisRecordAreKeptAndTheProcessorsGoOnFromTheirTokens() {
        ViewStore views = ViewStore.open(database);
        views.mongo().getDb().getCollection("problem_board").insertOne(new Document("_id", "nur-hier").append("version", 0L));
        views.disconnect();

        try (RunningQuerySide querySide = RunningQuerySide.start(database)) {
            ProblemReportId report = new ProblemReportId("meldung-2");
            querySide.eventStore().publish(new GenericDomainEventMessage<>("ProblemReport", report.value(), 0,
                    new ProblemReportSubmitted(report, "Bus nachts", "", "Amt 50", Set.of(PolicyField.LANGUAGE), "anna.amt50",
                            Instant.parse("2026-02-01T09:00:00Z"))));
            querySide.awaitCaughtUp();

            Map<String, List<Document>> now = querySide.views();
            assertThat(now.get("problem_board")).extracting(d -> d.get("_id")).containsExactlyInAnyOrder("meldung-1", "meldung-2",
                    "nur-hier");
            assertThat(now.get("event_chain")).hasSize(built.get("event_chain").size() + 1)
                    .startsWith(built.get("event_chain").toArray(Document[]::new));
            assertThat(querySide.baseline()).containsEntry("recordId", recordId);
        }
    }
}
