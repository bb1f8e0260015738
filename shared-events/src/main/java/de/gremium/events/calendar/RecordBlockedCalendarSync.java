package de.gremium.events.calendar;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the result of an import from one source. */
public record RecordBlockedCalendarSync(@TargetAggregateIdentifier BlockedCalendarId calendarId, String source, List<BlockedAppointment> upserted, List<String> removedExternalIds, Instant sourceModifiedUntil, String syncedBy, Instant syncedAt) {
}
