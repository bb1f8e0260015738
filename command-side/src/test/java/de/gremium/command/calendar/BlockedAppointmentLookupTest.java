package de.gremium.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.gremium.events.calendar.AppointmentKind;
import de.gremium.events.calendar.BlockedAppointment;
import de.gremium.events.calendar.BlockedCalendarSynced;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The command-side lookup against the embedded MongoDB server, handling events as the processor hands them over. */
class BlockedAppointmentLookupTest {

    static final String OPARL = "https://ratsinfo.magdeburg.test/oparl/body/1/meeting";
    static final String ICS = "upload:Verwaltungstermine";
    static final Instant T0 = Instant.parse("2027-01-15T09:00:00Z");

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    BlockedAppointmentLookup lookup;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = new MongoTemplate(client, "lookup_test");
        lookup = new BlockedAppointmentLookup(mongo);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
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
        assertThat(mongo.getCollection(BlockedAppointmentEntry.COLLECTION).countDocuments()).isEqualTo(2);
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

        assertThat(mongo.findById(ICS, BlockedCalendarSourceEntry.class))
                .isEqualTo(new BlockedCalendarSourceEntry(ICS, null, T0, "koordinator"));
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
