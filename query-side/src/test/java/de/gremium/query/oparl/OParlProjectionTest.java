package de.gremium.query.oparl;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.query.ViewStore;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The oparl projection as plain objects over a real wire-protocol store: an event applied twice changes nothing. */
class OParlProjectionTest {

    private ViewStore store;
    private List<AnnotationEventHandlerAdapter> projections;

    @BeforeEach
    void setUp() {
        store = ViewStore.open();
        projections = List.of(new AnnotationEventHandlerAdapter(new OParlGroupProjection(store.mongo())),
                new AnnotationEventHandlerAdapter(new OParlMeetingProjection(store.mongo())),
                new AnnotationEventHandlerAdapter(new OParlPaperProjection(store.mongo())));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private void apply(List<? extends EventMessage<?>> events) throws Exception {
        for (EventMessage<?> event : events) {
            for (AnnotationEventHandlerAdapter projection : projections) {
                if (projection.canHandle(event)) {
                    projection.handle(event);
                }
            }
        }
    }

    private List<Document> objects() {
        return store.mongo().getCollection(OParlObject.COLLECTION).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    @Test
    void theWholeStoryDeliveredTwiceLeavesEveryObjectAsOnce() throws Exception {
        apply(OParlStory.events());
        List<Document> once = objects();
        assertThat(once).hasSizeGreaterThan(20);

        apply(OParlStory.events());
        assertThat(objects()).isEqualTo(once);
    }

    @Test
    void eachEventDeliveredAgainRightAfterItselfChangesNothing() throws Exception {
        apply(OParlStory.events());
        List<Document> once = objects();
        store.mongo().getCollection(OParlObject.COLLECTION).deleteMany(new Document());

        for (EventMessage<?> event : OParlStory.events()) {
            apply(List.of(event, event));
        }
        assertThat(objects()).isEqualTo(once);
    }

    @Test
    void aMeetingWhoseFirstDeliveryStoppedBetweenItsTwoWritesIsCompletedByTheRedelivery() throws Exception {
        apply(OParlStory.events());
        List<Document> once = objects();
        store.mongo().getCollection(OParlObject.COLLECTION).deleteMany(new Document());

        for (EventMessage<?> event : OParlStory.events()) {
            apply(List.of(event));
            if (event.getPayload() instanceof MeetingPlanned planned) {
                // the store failed after the meeting's first write: its version and agenda were never written
                store.mongo().getCollection(OParlObject.COLLECTION).updateOne(
                        new Document("_id", OParlPaths.meeting(planned.meetingId().value())),
                        new Document("$unset", new Document("version", "").append("internal.agenda", "")));
                apply(List.of(event));
            }
        }
        assertThat(objects()).isEqualTo(once);
    }

    @Test
    void aResetEmptiesTheCollectionAndAReplayBuildsTheSameObjects() throws Exception {
        apply(OParlStory.events());
        List<Document> once = objects();
        projections.get(0).prepareReset();
        assertThat(objects()).isEmpty();

        apply(OParlStory.events());
        assertThat(objects()).isEqualTo(once);
    }
}
