package de.gremium.query.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.events.meeting.MeetingStatus;
import de.gremium.query.RecordFixture;
import de.gremium.query.TestRecord;
import de.gremium.query.ViewStore;
import de.gremium.query.history.AsOfReplay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A work plan as of a past instant, rebuilt from the record read through Axon's JDBC storage engine into a scratch
 * database that is dropped afterwards.
 */
class WorkPlanAsOfTest {

    private ViewStore views;
    private WorkPlanAsOf history;
    private List<GenericDomainEventMessage<?>> events;

    @BeforeEach
    void setUp() {
        TestRecord record = TestRecord.create();
        JdbcEventStorageEngine engine = record.engine(100);
        events = RecordFixture.events();
        engine.appendEvents(events.subList(0, 8));
        record.leaveGap(300);
        engine.appendEvents(events.subList(8, events.size()));
        views = ViewStore.open();
        history = new WorkPlanAsOf(new AsOfReplay(engine, views.client()));
    }

    @AfterEach
    void tearDown() {
        views.close();
    }

    private Instant timeOf(String payloadType) {
        return events.stream().filter(e -> e.getPayloadType().getSimpleName().equals(payloadType)).findFirst().orElseThrow()
                .getTimestamp();
    }

    private MeetingStatus statusAt(Instant asOf) {
        return history.at(2026, asOf).quarters().get(0).meetings().get(0).status();
    }

    @Test
    void theWorkPlanShowsEachMeetingAsItStoodAtTheInstant() {
        assertThat(statusAt(timeOf("MeetingScheduled").minusMillis(1))).isEqualTo(MeetingStatus.PLANNED);
        assertThat(statusAt(timeOf("MeetingScheduled"))).as("after the gap").isEqualTo(MeetingStatus.SCHEDULED);
        assertThat(statusAt(timeOf("MeetingHeld"))).isEqualTo(MeetingStatus.HELD);
        assertThat(history.at(2026, timeOf("MeetingPlanned").minusMillis(1)).quarters().get(0).meetings()).isEmpty();
    }

    @Test
    void theScratchDatabaseIsDroppedAfterwards() {
        statusAt(timeOf("MeetingHeld"));

        assertThat(views.client().listDatabaseNames().into(new ArrayList<>())).noneMatch(name -> name.startsWith("gremium_asof_"));
    }
}
