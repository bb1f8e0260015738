package de.gremium.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.events.calendar.AppointmentKind;
import de.gremium.events.calendar.BlockedAppointment;
import de.gremium.events.calendar.BlockedCalendarSynced;
import de.gremium.platform.testing.TestStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The command-side lookup in a record database of its own, handling events as the processor hands them over. */
class BlockedAppointmentLookupTest {

    static final String OPARL = "https://ratsinfo.magdeburg.test/oparl/body/1/meeting";
    static final String ICS = "upload:Verwaltungstermine";
    static final Instant T0 = Instant.parse("2027-01-15T09:00:00Z");

    JdbcTemplate jdbc;
    BlockedAppointmentLookup lookup;

    @BeforeEach
    void start() {
        jdbc = new JdbcTemplate(TestStore.migratedDataSource(TestStore.newRecord()));
        lookup = new BlockedAppointmentLookup(jdbc);
    }

    static BlockedAppointment appointment(String source, String id, String start, String end) {
        return new BlockedAppointment(source, id, "Sitzung " + id, AppointmentKind.COMMITTEE, Instant.parse(start), Instant.parse(end));
    }

    static BlockedCalendarSynced synced(String source, List<BlockedAppointment> upserted, List<String> removed, Instant until) {
        return new BlockedCalendarSynced(BlockedCalendar.ID, source, upserted, removed, until, "koordinator", T0);
    }

    static final BlockedAppointment A = appointment(OPARL, "101", "2027-01-13T13:00:00Z", "2027-01-13T16:00:00Z");
    static final BlockedAppointment B = appointment(OPARL, "102", "2027-01-20T15:00:00Z", "2027-01-20T17:00:00Z");

    @Test
    void upsertedAppointmentsAreKeptAndRemovedOnesDeleted() {
        lookup.on(synced(OPARL, List.of(A, B), List.of(), null));
        BlockedAppointment moved = appointment(OPARL, "101", "2027-01-13T14:00:00Z", "2027-01-13T17:00:00Z");
        lookup.on(synced(OPARL, List.of(moved), List.of("102"), null));

        assertThat(lookup.ofSource(OPARL)).containsOnlyKeys("101").containsEntry("101", moved);
    }

    @Test
    void handlingTheSameEventTwiceChangesNothing() {
        BlockedCalendarSynced event = synced(OPARL, List.of(A, B), List.of(), Instant.parse("2026-12-12T08:15:00Z"));
        lookup.on(event);
        lookup.on(event);

        assertThat(lookup.ofSource(OPARL)).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM blocked_appointment", Long.class)).isEqualTo(2);
        assertThat(lookup.modifiedUntil(OPARL)).contains(Instant.parse("2026-12-12T08:15:00Z"));
    }

    @Test
    void theSameExternalIdInTwoSourcesIsTwoAppointmentsAndARemovalTouchesOnlyItsSource() {
        BlockedAppointment sameIdElsewhere = appointment(ICS, "101", "2027-03-10T13:00:00Z", "2027-03-10T14:00:00Z");
        lookup.on(synced(OPARL, List.of(A), List.of(), null));
        lookup.on(synced(ICS, List.of(sameIdElsewhere), List.of(), null));
        lookup.on(synced(ICS, List.of(), List.of("101"), null));

        assertThat(lookup.ofSource(OPARL)).containsOnlyKeys("101");
        assertThat(lookup.ofSource(ICS)).isEmpty();
    }

    @Test
    void theSourcePositionIsRecordedAndNeverMovesBack() {
        lookup.on(synced(OPARL, List.of(), List.of(), Instant.parse("2027-01-12T06:00:00Z")));
        lookup.on(synced(OPARL, List.of(), List.of(), Instant.parse("2026-12-12T08:15:00Z"))); // an older event again
        lookup.on(synced(OPARL, List.of(), List.of(), null));

        assertThat(lookup.modifiedUntil(OPARL)).contains(Instant.parse("2027-01-12T06:00:00Z"));
        assertThat(lookup.modifiedUntil(ICS)).isEmpty();
    }

    @Test
    void everySyncIsNotedWithWhoAndWhen() {
        lookup.on(synced(ICS, List.of(), List.of(), null));

        assertThat(jdbc.queryForMap("SELECT modified_until, last_synced_at, last_synced_by FROM blocked_calendar_source "
                + "WHERE source = ?", ICS))
                .containsEntry("modified_until", null)
                .containsEntry("last_synced_by", "koordinator")
                .hasEntrySatisfying("last_synced_at", at -> assertThat(((java.sql.Timestamp) at).toInstant()).isEqualTo(T0));
    }

    @Test
    void overlappingListsWhatTouchesThePeriodByStart() {
        BlockedAppointment c = appointment(ICS, "c", "2027-01-13T09:00:00Z", "2027-01-13T10:00:00Z");
        lookup.on(synced(OPARL, List.of(B, A), List.of(), null));
        lookup.on(synced(ICS, List.of(c), List.of(), null));

        assertThat(lookup.overlapping(Instant.parse("2027-01-13T00:00:00Z"), Instant.parse("2027-01-14T00:00:00Z")))
                .containsExactly(c, A);
        // touching the period's edges is no overlap
        assertThat(lookup.overlapping(Instant.parse("2027-01-13T16:00:00Z"), Instant.parse("2027-01-20T15:00:00Z"))).isEmpty();
    }
}
