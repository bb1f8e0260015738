package de.gremium.command.calendar;

import de.gremium.command.values.TextKind;
import de.gremium.command.values.ValidText;
import de.gremium.events.calendar.AppointmentKind;
import de.gremium.events.calendar.BlockedAppointment;
import java.time.Instant;

/** The request and answer bodies of the blocked-calendar endpoints. */
final class BlockedCalendarRequests {

    private BlockedCalendarRequests() {
    }

    /** Where to read a source from: an OParl meeting list or an iCalendar file. */
    record SourceUrl(@ValidText(TextKind.SOURCE) String url) {
    }

    /** What an import changed; {@code modifiedUntil} only for OParl (the next sync asks for changes since). */
    record Synced(String source, int upserted, int removed, int skipped, Instant modifiedUntil) {

        static Synced of(BlockedCalendarSync.Outcome outcome) {
            return new Synced(outcome.source(), outcome.upserted(), outcome.removed(), outcome.skipped(),
                    outcome.modifiedUntil());
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
