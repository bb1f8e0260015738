package de.gremium.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.events.monitoring.FetchAdvisoryCouncilReport;
import de.gremium.query.RecordFixture;
import de.gremium.query.TestRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * The report reads the record through Axon's JDBC storage engine, in batches along the global order: a gap in that
 * order (inserts that failed) longer than a batch does not end the reading early.
 */
class AdvisoryCouncilReportFromTheRecordTest {

    @Test
    void theReportFoldsEveryStoredEventAlsoBehindAGapLongerThanABatch() {
        TestRecord record = TestRecord.create();
        JdbcEventStorageEngine engine = record.engine(100);
        List<GenericDomainEventMessage<?>> events = RecordFixture.events();
        engine.appendEvents(events.subList(0, 5));
        record.leaveGap(1_500);
        engine.appendEvents(events.subList(5, events.size()));

        AdvisoryCouncilReport report = new AdvisoryCouncilReportQueries(engine, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                .handle(new FetchAdvisoryCouncilReport(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31")));

        AdvisoryCouncilReport.Summary summary = report.summary();
        assertThat(summary.problemReportsSubmitted()).as("before the gap").isEqualTo(1);
        assertThat(summary.meetingsHeld()).as("after the gap").isEqualTo(1);
        assertThat(summary.recommendationsFormulated()).isEqualTo(1);
        assertThat(summary.measuresAdopted()).isEqualTo(1);
        assertThat(summary.verdictChanges()).isEqualTo(1);
        assertThat(summary.networkProjectsAnnounced()).isEqualTo(1);
    }
}
