package de.gremium.command.calendar;

import de.gremium.events.calendar.AppointmentKind;
import de.gremium.events.calendar.BlockedAppointment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One appointment in the command-side lookup, keyed by source and external id (digested, since a source
 * URL can be longer than an index key should be).
 */
@Document(BlockedAppointmentEntry.COLLECTION)
record BlockedAppointmentEntry(@Id String id, String source, String externalId, String title, AppointmentKind kind,
        Instant start, Instant end) {

    static final String COLLECTION = "blocked_appointments";

    static BlockedAppointmentEntry of(BlockedAppointment appointment) {
        return new BlockedAppointmentEntry(key(appointment.source(), appointment.externalId()), appointment.source(),
                appointment.externalId(), appointment.title(), appointment.kind(), appointment.start(), appointment.end());
    }

    BlockedAppointment appointment() {
        return new BlockedAppointment(source, externalId, title, kind, start, end);
    }

    static String key(String source, String externalId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((source + "\u0000" + externalId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
