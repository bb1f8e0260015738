package de.gremium.command.calendar;

import de.gremium.events.calendar.AppointmentKind;
import de.gremium.events.calendar.BlockedAppointment;
import de.gremium.events.calendar.BlockedCalendarSynced;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The blocked appointments as the command side knows them, for the sync (what changed?) and the planner
 * (what clashes?), in the record's tables {@code blocked_appointment} and {@code blocked_calendar_source}.
 * Kept by a subscribing processor (see {@link BlockedCalendarLookupConfiguration}) in the transaction that
 * appends the sync's event, so the lookup and the event are stored together or not at all. Upserts by key
 * and deletes, so handling an event twice changes nothing.
 */
@Component
@ProcessingGroup(BlockedAppointmentLookup.PROCESSING_GROUP)
class BlockedAppointmentLookup {

    static final String PROCESSING_GROUP = "blocked-calendar-lookup";
    static final int MAX_LISTED = 5_000;

    private final JdbcTemplate jdbc;

    BlockedAppointmentLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BlockedCalendarSynced event) {
        if (!event.upserted().isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO blocked_appointment (id, source, external_id, title, kind, starts_at, ends_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, kind = EXCLUDED.kind,
                        starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at""",
                    event.upserted(), 500, (statement, appointment) -> {
                        statement.setString(1, key(appointment.source(), appointment.externalId()));
                        statement.setString(2, appointment.source());
                        statement.setString(3, appointment.externalId());
                        statement.setString(4, appointment.title());
                        statement.setString(5, appointment.kind().name());
                        statement.setTimestamp(6, Timestamp.from(appointment.start()));
                        statement.setTimestamp(7, Timestamp.from(appointment.end()));
                    });
        }
        if (!event.removedExternalIds().isEmpty()) {
            jdbc.batchUpdate("DELETE FROM blocked_appointment WHERE id = ?", event.removedExternalIds(), 500,
                    (statement, externalId) -> statement.setString(1, key(event.source(), externalId)));
        }
        // all syncs go through the one aggregate, so they arrive here one at a time
        Instant recorded = modifiedUntil(event.source()).orElse(null);
        Instant proposed = event.sourceModifiedUntil();
        Instant modifiedUntil = proposed == null || (recorded != null && recorded.isAfter(proposed)) ? recorded : proposed;
        jdbc.update("""
                INSERT INTO blocked_calendar_source (source, modified_until, last_synced_at, last_synced_by)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (source) DO UPDATE SET modified_until = EXCLUDED.modified_until,
                    last_synced_at = EXCLUDED.last_synced_at, last_synced_by = EXCLUDED.last_synced_by""",
                event.source(), timestamp(modifiedUntil), timestamp(event.syncedAt()), event.syncedBy());
    }

    /** Appointments that overlap [from, to), by start. */
    List<BlockedAppointment> overlapping(Instant from, Instant to) {
        return jdbc.query("""
                SELECT source, external_id, title, kind, starts_at, ends_at FROM blocked_appointment
                WHERE starts_at < ? AND ends_at > ? ORDER BY starts_at, ends_at, title LIMIT ?""",
                BlockedAppointmentLookup::appointment, Timestamp.from(to), Timestamp.from(from), MAX_LISTED);
    }

    /** Everything imported from {@code source}, by external id. */
    Map<String, BlockedAppointment> ofSource(String source) {
        Map<String, BlockedAppointment> bySource = new LinkedHashMap<>();
        jdbc.query("SELECT source, external_id, title, kind, starts_at, ends_at FROM blocked_appointment WHERE source = ?",
                (ResultSet row) -> {
                    BlockedAppointment appointment = appointment(row, 0);
                    bySource.put(appointment.externalId(), appointment);
                }, source);
        return bySource;
    }

    /** How far the source was read, for {@code modified_since}. */
    Optional<Instant> modifiedUntil(String source) {
        return jdbc.query("SELECT modified_until FROM blocked_calendar_source WHERE source = ?",
                (row, n) -> Optional.ofNullable(row.getTimestamp(1)).map(Timestamp::toInstant), source)
                .stream().findFirst().flatMap(found -> found);
    }

    private static BlockedAppointment appointment(ResultSet row, int n) throws SQLException {
        return new BlockedAppointment(row.getString("source"), row.getString("external_id"), row.getString("title"),
                AppointmentKind.valueOf(row.getString("kind")), row.getTimestamp("starts_at").toInstant(),
                row.getTimestamp("ends_at").toInstant());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** Source and external id, digested: a source URL can be longer than an index key should be. */
    static String key(String source, String externalId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((source + "\u0000" + externalId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
