package de.gremium.events.calendar;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Appointments from one source (an OParl body or an iCalendar) were imported: new or changed ones, and those gone (cancelled, deleted or no longer listed). */
@Revision("1")
public record BlockedCalendarSynced(BlockedCalendarId calendarId, String source, List<BlockedAppointment> upserted, List<String> removedExternalIds, Instant sourceModifiedUntil, @PersonalData String syncedBy, Instant syncedAt) implements BlockedCalendarEvent {

    public BlockedCalendarSynced {
        upserted = List.copyOf(upserted);
        removedExternalIds = List.copyOf(removedExternalIds);
    }

    @Override
    public String actor() {
        return syncedBy;
    }

    @Override
    public Instant occurredAt() {
        return syncedAt;
    }
}
