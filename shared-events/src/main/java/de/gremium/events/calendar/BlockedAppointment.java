package de.gremium.events.calendar;

import java.time.Instant;

/** A session of the council, a committee or an internal service meeting that the group must not clash with; the key is source plus externalId. */
public record BlockedAppointment(String source, String externalId, String title, AppointmentKind kind, Instant start, Instant end) {
}
