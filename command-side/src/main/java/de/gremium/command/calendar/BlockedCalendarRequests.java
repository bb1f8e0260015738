package de.gremium.command.calendar;

import de.gremium.command.values.TextKind;
import de.gremium.command.values.ValidText;
import de.gremium.events.calendar.AppointmentKind;
import de.gremium.events.calendar.BlockedAppointment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/** The request and answer bodies of the blocked-calendar endpoints. */
final class BlockedCalendarRequests {

    private BlockedCalendarRequests() {
    }

    /** Where to read a source from: an OParl meeting list or an iCalendar file. */
    record SourceUrl(@ValidText(TextKind.SOURCE) String url) {
    }

    /**
     * What an import changed and what it did not keep, and why; {@code keptUntil} only for iCalendar (an OParl list
     * is kept however far ahead), {@code modifiedUntil} only for OParl (the next sync asks for changes since).
     */
    @Schema(description = "What an import changed, what it found unchanged, and what the source listed that was not kept, "
            + "counted by reason (reasons with a count of 0 are left out)")
    record Synced(String source,
            @Schema(description = "appointments new or changed in the lookup") int upserted,
            @Schema(description = "appointments listed as the lookup already held them") int unchanged,
            @Schema(description = "appointments the lookup held and no longer holds") int removed,
            @Schema(description = "entries that could not be placed in time: NO_ID, NO_START and OUTSIDE_DATE_RANGE of notKept")
            int skipped,
            @Schema(description = "entries not kept, by reason", example = "{\"ENDED_BEFORE_WINDOW\": 12, \"CANCELLED\": 1}")
            Map<NotKept, Integer> notKept,
            @Schema(description = "appointments that ended before this instant are not kept (a year before the import)")
            Instant keptFrom,
            @Schema(description = "appointments that start after this instant are not kept (iCalendar: two years after the "
                    + "import); absent for OParl") Instant keptUntil,
            Instant modifiedUntil) {

        static Synced of(BlockedCalendarSync.Outcome outcome) {
            return new Synced(outcome.source(), outcome.upserted(), outcome.unchanged(), outcome.removed(),
                    outcome.skipped(), outcome.notKept(), outcome.keptFrom(), outcome.keptUntil(), outcome.modifiedUntil());
        }
    }

    /** One blocked appointment, with a German line to show. */
    record Appointment(String source, String externalId, String title, AppointmentKind kind, Instant start,
            Instant end, String label) {

        static Appointment of(BlockedAppointment appointment) {
            return new Appointment(appointment.source(), appointment.externalId(), appointment.title(),
                    appointment.kind(), appointment.start(), appointment.end(), GroupTime.describe(appointment));
        }
    }
}
