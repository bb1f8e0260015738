package de.gremium.query.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report's pass over the record is bounded: repeated calls on a record that did not change read it once, and
 * the next event stored is in the next report.
 */
class AdvisoryCouncilReportCacheTest {

    static final FetchAdvisoryCouncilReport YEAR_2026 =
            new FetchAdvisoryCouncilReport(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"));

    JdbcEventStorageEngine engine;
    List<GenericDomainEventMessage<?>> events = RecordFixture.events();
    AdvisoryCouncilReportQueries queries;

    @BeforeEach
    void record() {
        engine = spy(TestRecord.create().engine(100));
        engine.appendEvents(events.subList(0, 5));
        queries = new AdvisoryCouncilReportQueries(engine, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    @Test
    void eightReportsOfTheSamePeriodOnAnUnchangedRecordReadTheRecordOnce() {
        for (int i = 0; i < 8; i++) {
            assertThat(queries.handle(YEAR_2026).summary().problemReportsSubmitted()).isEqualTo(1);
        }

        verify(engine, times(1)).readEvents(isNull(), anyBoolean());
    }

    @Test
    void anEventStoredAfterAReportIsInTheNextReport() {
        assertThat(queries.handle(YEAR_2026).summary().meetingsHeld()).isZero();

        engine.appendEvents(events.subList(5, events.size()));

        assertThat(queries.handle(YEAR_2026).summary().meetingsHeld()).isEqualTo(1);
        verify(engine, times(2)).readEvents(isNull(), anyBoolean());
    }

    @Test
    void eachPeriodHasItsOwnReport() {
        assertThat(queries.handle(YEAR_2026).summary().problemReportsSubmitted()).isEqualTo(1);
        assertThat(queries.handle(new FetchAdvisoryCouncilReport(LocalDate.parse("2024-01-01"),
                LocalDate.parse("2024-12-31"))).summary().problemReportsSubmitted()).isZero();

        verify(engine, times(2)).readEvents(isNull(), anyBoolean());
    }
}
